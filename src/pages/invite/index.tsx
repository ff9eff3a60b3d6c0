// 接受邀请: the future handler, secretary or admin enters (or opens a link with) the code the admin sent and holds
// the role at once (org.acceptInvite); the caller's session is reloaded so that the admin entries appear.
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { PageShell } from '@/components/page-shell';
import { TextField } from '@/components/text-field';
import { formatInviteCode, normalizeInviteCode } from '@/domain/identity';
import type { ActionOutput } from '@/domain/api';
import { call } from '@/services/call';
import { useResource } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { orgDirectory, session } from '@/services/session';
import { describeGrant } from '@/utils/roles';

export default function InvitePage() {
  const { params } = useRouter();
  const fromLink = params.code ? normalizeInviteCode(decodeURIComponent(params.code)) : null;
  const [code, setCode] = useState(fromLink ? formatInviteCode(fromLink) : '');
  const { busy, error, setError, submit } = useSave();
  const [granted, setGranted] = useState<ActionOutput<'org', 'acceptInvite'> | null>(null);
  const directory = useResource(orgDirectory);

  const accept = () => {
    const typed = normalizeInviteCode(code);
    if (!typed) return setError('邀请码是 10 位字母和数字，例如 ABCDE-FGHJK，请核对后重新输入');
    void submit(
      () => call('org', 'acceptInvite', { code: typed }),
      async (r) => {
        setGranted(r);
        await session.load(true).catch(() => undefined);
      },
    );
  };

  if (granted) {
    // The organisation or department by name once the directory is in (its id until then).
    const dir = directory.data ?? { orgs: [], departments: [] };
    return (
      <PageShell>
        <View className="card">
          <View className="card__title">
            {granted.displayName}，您已成为{describeGrant(granted, dir.orgs, dir.departments)}
          </View>
          <Text className="card__hint">管理功能在“我的”页面下方。</Text>
          <Button type="primary" size="large" block onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
            去“我的”
          </Button>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="card">
        <View className="card__title">接受邀请</View>
        <Text className="card__hint">
          输入管理员发给您的邀请码，即可成为部门经办人、支部书记或管理员。每个邀请码只能使用一次。
        </Text>
        <TextField label="邀请码" value={code} onChange={setCode} placeholder="例如 ABCDE-FGHJK" maxLength={40} />
        {error && <View className="form-error">{error}</View>}
        <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={accept}>
          接受邀请
        </Button>
      </View>
    </PageShell>
  );
}
