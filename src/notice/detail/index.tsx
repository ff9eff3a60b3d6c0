// 通知详情: opening it records the read (once, on the server); 确认收到 where the notice asks for it; the sender and
// the secretaries above see the read list from here.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { NoticeDetail } from '@/domain/api/notice';
import type { ConfirmState } from '@/domain/notice';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openAttachment, remindNoticeAvailable, requestRemindNotice } from '@/services/notice-device';
import { CONFIRM_TEXT } from '@/utils/notice';
import { dateTimeText } from '@/utils/time';
import './index.scss';

function Attachments({ n }: { n: NoticeDetail }) {
  if (n.attachments.length === 0) return null;
  return (
    <View className="notice-detail__files">
      <Text className="notice-detail__files-title">附件（{n.attachments.length}）</Text>
      {n.attachments.map((a) => (
        <View
          key={a.fileID}
          className="notice-detail__file"
          onClick={() =>
            a.url ? void openAttachment(a.url, a.name) : Taro.showToast({ title: '附件暂时无法打开', icon: 'none' })
          }
        >
          <Text className="notice-detail__file-name">{a.name}</Text>
          <Text className="notice-detail__file-open">{a.url ? '打开' : '暂不可用'}</Text>
        </View>
      ))}
    </View>
  );
}

/** 确认收到: the button while it is asked for, the outcome after. */
function Confirm({ n }: { n: NoticeDetail }) {
  const [state, setState] = useState<ConfirmState>(n.confirmState);
  const { busy, error, submit } = useSave({ toast: '已确认收到' });
  if (!n.recipient || state === 'not-asked') return null;
  const confirmed = state === 'confirmed' || state === 'confirmed-late';
  const press = () => {
    // The subscribe dialog opens only from the tap itself, before anything is awaited.
    const asking = remindNoticeAvailable() ? requestRemindNotice() : null;
    void submit(
      () => call('notice', 'confirm', { noticeId: n.noticeId }),
      (r) => setState(r.confirmState),
    );
    if (asking)
      void asking.then((accepted) => (accepted ? call('notice', 'subscribe', { accepted }) : null)).catch(() => null);
  };
  return (
    <View className={`notice-confirm notice-confirm--${state}`}>
      <Text className="notice-confirm__text">
        {confirmed
          ? `✓ ${CONFIRM_TEXT[state]}`
          : `请于 ${dateTimeText(n.confirmBy ?? '')} 前确认收到${state === 'overdue' ? '（已逾期，仍可确认）' : ''}`}
      </Text>
      {!confirmed && (
        <Button className="notice-confirm__button" type="primary" size="large" block loading={busy} onClick={press}>
          确认收到
        </Button>
      )}
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}

export default function NoticeDetailPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const state = useRemote(useCallback(() => call('notice', 'open', { noticeId }), [noticeId]));
  return (
    <PageShell className="notice-detail">
      <LoadState state={state} loadingText="正在打开通知…">
        {(n) => (
          <>
            <View className="card">
              <Text className="notice-detail__title">{n.title}</Text>
              <View className="notice-detail__meta">
                <Text>{n.senderName}</Text>
                <Text>{dateTimeText(n.publishedAt)}</Text>
              </View>
              <Confirm n={n} />
              <View className="notice-detail__body">
                {n.body.split('\n').map((line, i) => (
                  <Text key={i} className="notice-detail__para">
                    {line}
                  </Text>
                ))}
              </View>
              <Attachments n={n} />
              {n.recipient && n.readAt && <Text className="notice-detail__read">已读于 {dateTimeText(n.readAt)}</Text>}
            </View>
            {n.canManage && (
              <Button
                className="notice-detail__receipts"
                size="large"
                fill="outline"
                block
                onClick={() =>
                  Taro.navigateTo({ url: `/admin/notice-receipts/index?id=${encodeURIComponent(n.noticeId)}` })
                }
              >
                查看阅读情况
              </Button>
            )}
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
