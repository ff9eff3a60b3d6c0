// 接收催办提醒 (handlers and admins, where they work: 本部门诉求): asks WeChat for one 催办提醒 subscribe message per
// tap and records it with `remindSubscribe`; shows how many are still allowed, and 不再接收 turns them off. WeChat's
// subscriptions here are one-time, so the text says so: each 允许 is one reminder. Only where WeChat can send one
// (the mini-program with a template configured).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { remindNoticeAvailable, requestRemindNotice } from '@/services/hotline-subscribe';
import './index.scss';

export function RemindNotice() {
  const available = remindNoticeAvailable();
  const [credits, setCredits] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!available) return;
    let live = true;
    call('hotline', 'remindSubscription', {})
      .then((r) => live && setCredits(r.credits))
      .catch((err: unknown) => live && setError(toCallError(err).message));
    return () => {
      live = false;
    };
  }, [available]);
  if (!available) return null;

  const answer = async (asking: Promise<boolean>) => {
    setBusy(true);
    setError(null);
    try {
      const accepted = await asking;
      setCredits((await call('hotline', 'remindSubscribe', { accepted })).credits);
    } catch (err) {
      setError(toCallError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card hotline-remind-notice">
      <Text className="card__title">微信催办提醒</Text>
      <Text className="card__hint">
        {credits
          ? `还可接收 ${credits} 条：诉求快到期、已超期时微信通知您（每条提醒用掉一次允许）。`
          : '诉求快到期、已超期时微信通知您。每点一次并“允许”，可接收一条提醒。'}
      </Text>
      <View className="actions">
        <Button
          type="primary"
          fill="outline"
          size="large"
          loading={busy}
          disabled={busy}
          // First, before any await: the tap is what lets WeChat show its dialog.
          onClick={() => answer(requestRemindNotice())}
          style={{ flex: 2 }}
        >
          {credits ? '再接收一条' : '接收催办提醒'}
        </Button>
        {credits ? (
          <Button size="large" fill="outline" disabled={busy} onClick={() => answer(Promise.resolve(false))}>
            不再接收
          </Button>
        ) : null}
      </View>
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}
