// 通知公告: the member's notices, newest first, unread marked, paged; where the build can, a button that allows the
// next 未读提醒 as a WeChat message.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { NoticeRow } from '@/components/notice-list';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { remindNoticeAvailable, requestRemindNotice } from '@/services/notice-device';

/** Asks for one 未读提醒 message (WeChat grants one per tap) and tells the server. */
function RemindMe() {
  const { busy, submit } = useSave({ errorToast: true });
  if (!remindNoticeAvailable()) return null;
  const press = () => {
    const asking = requestRemindNotice();
    void submit(
      async () => {
        const accepted = await asking;
        return accepted ? call('notice', 'subscribe', { accepted }) : null;
      },
      (r) => {
        if (r) void Taro.showToast({ title: '有未读通知时会提醒您', icon: 'success' });
      },
    );
  };
  return (
    <Button className="notice-inbox__remind" size="large" fill="outline" block loading={busy} onClick={press}>
      未读通知提醒我
    </Button>
  );
}

export default function NoticeInboxPage() {
  const [page, setPage] = useState(0);
  const state = useRemote(useCallback(() => call('notice', 'inbox', { page }), [page]));
  // Back from a notice: its unread mark goes.
  useReloadOnReturn(state.reload);
  return (
    <PageShell className="notice-inbox">
      <LoadState state={state} loadingText="正在加载通知…">
        {({ notices, unread, hasMore }) => (
          <>
            <View className="card">
              <View className="card__title">
                通知公告{unread > 0 && <Text className="notice-inbox__count">（本页 {unread} 条未读）</Text>}
              </View>
              {notices.length === 0 ? (
                <Text className="muted">还没有发给您的通知。</Text>
              ) : (
                notices.map((n) => <NoticeRow key={n.noticeId} n={n} />)
              )}
            </View>
            <Pager page={page} hasMore={hasMore} onPage={setPage} />
            <RemindMe />
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
