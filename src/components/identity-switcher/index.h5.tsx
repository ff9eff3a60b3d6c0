// H5 only: choose which emulator identity (openid) this browser acts as; sent as X-WX-OPENID on every request.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { fetchDevIdentities } from '@/services/dev-identities.h5';
import { getDevOpenid, setDevOpenid } from '@/services/identity.h5';
import { session } from '@/services/session';
import './index.scss';

export function IdentitySwitcher() {
  const [current, setCurrent] = useState(getDevOpenid);
  const [typed, setTyped] = useState('');
  const identities = useRemote(useCallback(() => fetchDevIdentities(), []));

  const choose = (openid: string | null) => {
    setDevOpenid(openid);
    setCurrent(getDevOpenid());
    setTyped('');
    // Everything the page shows depends on who the caller is: load the session again as the new identity.
    session.reset();
    session.load().catch(() => undefined);
  };

  return (
    <View className="card identity-switcher">
      <View className="card__title">本地调试身份</View>
      <Text className="card__hint">仅在本地 H5 调试时出现：选择一个身份或输入 openid，请求将以该身份发送。</Text>
      <View className="identity-switcher__current">
        当前：<Text className="identity-switcher__openid">{current ?? '匿名访问（群众）'}</Text>
      </View>
      <LoadState state={identities} loadingText="正在读取调试身份…" variant="inline">
        {(list) => (
          <View className="identity-switcher__list">
            {list.map((id) => (
              <View
                key={id.openid}
                className={`identity-switcher__item${id.openid === current ? ' identity-switcher__item--on' : ''}`}
                onClick={() => choose(id.openid)}
              >
                <View className="identity-switcher__label">
                  {id.label}
                  <Text className="identity-switcher__role">{id.role}</Text>
                </View>
                <Text className="identity-switcher__id">{id.openid}</Text>
              </View>
            ))}
            {list.length === 0 && <Text className="muted">模拟器没有预置身份，请在下方输入 openid。</Text>}
          </View>
        )}
      </LoadState>
      <View className="field__box identity-switcher__input">
        <Input value={typed} onChange={setTyped} placeholder="输入 openid" clearable maxLength={64} />
      </View>
      <View className="actions">
        <Button
          className="identity-switcher__use"
          style={{ flex: 1 }}
          type="primary"
          disabled={!typed.trim()}
          onClick={() => choose(typed)}
        >
          使用此 openid
        </Button>
        <Button
          className="identity-switcher__anon"
          style={{ flex: 1 }}
          fill="outline"
          disabled={current === null}
          onClick={() => choose(null)}
        >
          匿名访问
        </Button>
      </View>
    </View>
  );
}
