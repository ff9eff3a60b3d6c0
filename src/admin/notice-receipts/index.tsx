// 阅读情况: one notice's counts (kept on the notice, so one read), the unread or the read one page at a time in roster
// order, and 提醒未读 (a 催阅 mark on their 首页 and a WeChat message to those who allowed one; at most hourly).
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { ReceiptRow, SentNotice } from '@/domain/api/notice';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { CONFIRM_TEXT } from '@/utils/notice';
import { clockText, dateTimeText, shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { Segmented } from '../shared/segmented';
import '../notices/index.scss';
import './index.scss';

type Status = 'unread' | 'read';

function Head({ n }: { n: SentNotice }) {
  return (
    <View className="card">
      <Text className="receipts__title">{n.title}</Text>
      <Text className="admin-list__meta">
        {n.senderName} · <Text className="receipts__date">{dateTimeText(n.publishedAt)}</Text>
        {n.confirmBy ? (
          <>
            {' · 确认截止 '}
            <Text className="receipts__date">{dateTimeText(n.confirmBy)}</Text>
          </>
        ) : null}
      </Text>
      <View className="stats receipts__stats">
        <View className="stats__item">
          <Text className="stats__value">{n.expected}</Text>
          <Text className="stats__label">应读</Text>
        </View>
        <View className="stats__item">
          <Text className="stats__value stats__value--ok">{n.read}</Text>
          <Text className="stats__label">已读（{n.readRate}%）</Text>
        </View>
        <View className="stats__item">
          <Text className={`stats__value${n.expected > n.read ? ' stats__value--bad' : ''}`}>
            {n.expected - n.read}
          </Text>
          <Text className="stats__label">未读</Text>
        </View>
        {n.confirmBy && (
          <View className="stats__item">
            <Text className="stats__value">{n.confirmed}</Text>
            <Text className="stats__label">已确认</Text>
          </View>
        )}
      </View>
    </View>
  );
}

function Row({ r, orgName }: { r: ReceiptRow; orgName: string }) {
  const confirm = CONFIRM_TEXT[r.confirmState];
  return (
    <View className="admin-list__row receipts__row">
      <View className="admin-list__main">
        <Text className="admin-list__name">{r.name}</Text>
        <Text className="admin-list__meta">{orgName}</Text>
      </View>
      <View className="receipts__state">
        <Text className="receipts__when">
          {r.readAt
            ? `${shortDateTimeText(r.readAt)} 已读`
            : r.remindedAt
              ? `${clockText(r.remindedAt)} 已提醒`
              : '未读'}
        </Text>
        {confirm && <Text className={`receipts__confirm receipts__confirm--${r.confirmState}`}>{confirm}</Text>}
      </View>
    </View>
  );
}

/** 提醒未读, with what it did (how many reminded, how many got a WeChat message) or when it can be pressed again. */
function Remind({ noticeId, unread, onDone }: { noticeId: string; unread: number; onDone: () => void }) {
  const [said, setSaid] = useState<string | null>(null);
  const { busy, error, submit } = useSave({ onDone });
  if (unread === 0) return null;
  const press = () =>
    void Taro.showModal({
      title: '提醒未读',
      content: `向 ${unread} 名未读党员发送提醒？一小时内只能提醒一次。`,
      confirmText: '提醒',
    }).then(({ confirm }) => {
      if (!confirm) return;
      void submit(
        () => call('notice', 'remind', { noticeId }),
        (r) =>
          setSaid(
            `已提醒 ${r.unread} 人` +
              (r.messaged > 0 ? `，其中 ${r.messaged} 人收到微信消息` : '（首页显示“催阅”）') +
              `；${clockText(r.nextRemindAt)} 后可再次提醒`,
          ),
      );
    });
  return (
    <View className="receipts__remind">
      <Button className="receipts__remind-button" type="primary" size="large" block loading={busy} onClick={press}>
        提醒未读（{unread} 人）
      </Button>
      {said && <Text className="receipts__said">{said}</Text>}
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}

function Receipts({ noticeId, directory }: { noticeId: string; directory: OrgDirectory }) {
  const [status, setStatus] = useState<Status>('unread');
  const [page, setPage] = useState(0);
  const state = useRemote(
    useCallback(() => call('notice', 'receipts', { noticeId, status, page }), [noticeId, status, page]),
  );
  const names = new Map(directory.orgs.map((o) => [o.orgId, o.name]));
  const choose = (s: Status) => {
    setStatus(s);
    setPage(0);
  };
  return (
    <LoadState state={state} loadingText="正在加载阅读情况…">
      {({ notice, rows, hasMore }) => (
        <>
          <Head n={notice} />
          <Remind noticeId={noticeId} unread={notice.expected - notice.read} onDone={state.reload} />
          <View className="card">
            <Segmented
              options={[
                { value: 'unread', label: `未读 ${notice.expected - notice.read}` },
                { value: 'read', label: `已读 ${notice.read}` },
              ]}
              value={status}
              onChange={choose}
            />
            {rows.length === 0 ? (
              <Text className="muted receipts__empty">
                {status === 'unread' ? '全部党员都已阅读。' : '还没有人阅读。'}
              </Text>
            ) : (
              rows.map((r) => <Row key={r.memberId} r={r} orgName={names.get(r.orgId) ?? ''} />)
            )}
          </View>
          <Pager page={page} hasMore={hasMore} onPage={setPage} />
          <Button
            size="large"
            fill="outline"
            block
            onClick={() => Taro.navigateTo({ url: `/notice/detail/index?id=${encodeURIComponent(noticeId)}` })}
          >
            查看通知原文
          </Button>
        </>
      )}
    </LoadState>
  );
}

export default function NoticeReceiptsPage() {
  const { params } = useRouter();
  return (
    <AdminGate page="notices" className="receipts">
      {({ directory }) => <Receipts noticeId={params.id ?? ''} directory={directory} />}
    </AdminGate>
  );
}
