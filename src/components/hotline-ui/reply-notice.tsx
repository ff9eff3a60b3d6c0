// 答复后微信通知我: asks for one WeChat subscribe message about the next reply (and, in the same dialog, one about the
// ticket's progress: an approved 延期, a re-opening) and stores the answers on the ticket.
// Only where WeChat can send one (the mini-program with a template configured); WeChat opens its dialog only from a
// tap, so this is a button rather than a prompt after submitting.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { replyNoticeAvailable, requestReplyNotice } from '@/services/hotline-subscribe';
import './index.scss';

export interface ReplyNoticeProps {
  ticketId: string;
  className?: string;
}

export function ReplyNotice({ ticketId, className }: ReplyNoticeProps) {
  const [answer, setAnswer] = useState<null | 'busy' | 'on' | 'off'>(null);
  const [error, setError] = useState<string | null>(null);
  if (!replyNoticeAvailable()) return null;

  const ask = async () => {
    // First, before any await: the tap is what lets WeChat show its dialog.
    const asking = requestReplyNotice();
    setAnswer('busy');
    setError(null);
    const { reply: accepted, progress } = await asking;
    try {
      await call('hotline', 'subscribe', { ticketId, accepted, ...(progress === null ? {} : { progress }) });
      setAnswer(accepted ? 'on' : 'off');
    } catch (err) {
      setAnswer(null);
      setError(toCallError(err).message);
    }
  };

  return (
    <View className={`hotline-reply-notice${className ? ` ${className}` : ''}`}>
      {answer === 'on' && <Text className="hotline-reply-notice__on">已开启：部门答复后会通过微信通知您</Text>}
      {answer === 'off' && <Text className="card__hint">未开启微信通知，可在“我的诉求”中查看进度</Text>}
      {(answer === null || answer === 'busy') && (
        <Button
          type="primary"
          fill="outline"
          size="large"
          block
          loading={answer === 'busy'}
          disabled={answer === 'busy'}
          onClick={ask}
        >
          答复后微信通知我
        </Button>
      )}
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}
