// 通知公告 (工委 and secretaries): the notices they manage with read and confirmed counts (from the notice's counters,
// one read per page), 发布通知, and each notice's read list.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { SentNotice } from '@/domain/api/notice';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { dateTimeText, shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import './index.scss';

function SentRow({ n }: { n: SentNotice }) {
  return (
    <View
      className="admin-list__row notices-admin__row"
      onClick={() => Taro.navigateTo({ url: `/admin/notice-receipts/index?id=${encodeURIComponent(n.noticeId)}` })}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{n.title}</Text>
        <Text className="admin-list__meta">
          {n.senderName} · {shortDateTimeText(n.publishedAt)}
          {n.confirmBy ? ` · 确认截止 ${dateTimeText(n.confirmBy)}` : ''}
        </Text>
        <Text className="admin-list__meta notices-admin__counts">
          已读 {n.read}/{n.expected}（{n.readRate}%）{n.confirmBy ? ` · 已确认 ${n.confirmed}` : ''}
        </Text>
      </View>
      <Text className="admin-list__action">阅读情况</Text>
    </View>
  );
}

function Sent() {
  const [page, setPage] = useState(0);
  const state = useRemote(useCallback(() => call('notice', 'sent', { page }), [page]));
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state} loadingText="正在加载通知…">
      {({ notices, hasMore }) => (
        <>
          <View className="card">
            <View className="card__title">已发通知</View>
            {notices.length === 0 ? (
              <Text className="muted">还没有发过通知。</Text>
            ) : (
              notices.map((n) => <SentRow key={n.noticeId} n={n} />)
            )}
          </View>
          <Pager page={page} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

export default function NoticesAdminPage() {
  return (
    <AdminGate page="notices" className="notices-admin">
      {() => (
        <>
          <AdminHead title="通知公告" sub="发给所选组织的每名党员，可看已读未读、提醒未读" />
          <Button
            className="notices-admin__new"
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: '/admin/notice-form/index' })}
          >
            发布通知
          </Button>
          <Sent />
        </>
      )}
    </AdminGate>
  );
}
