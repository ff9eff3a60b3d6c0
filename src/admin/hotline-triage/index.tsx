// 诉求分办 (admins): tickets waiting to be accepted and assigned, oldest first; tap one to accept, assign or reject.
// On a PC the list and the ticket are side by side (the ticket opens in the right-hand column); on a phone a tap
// opens 诉求详情.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TicketRow } from '@/components/hotline-ui';
import { TicketView } from '@/components/hotline-ui/ticket-detail';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useWide } from '@/hooks/use-wide';
import { call } from '@/services/call';
import { AdminGate } from '../shared/admin-gate';
import './index.scss';

function Triage() {
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const wide = useWide();
  const fetcher = useCallback(() => call('hotline', 'triage', { page }), [page]);
  const state = useRemote(fetcher);
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state}>
      {({ tickets, hasMore }) => {
        // On a PC the first ticket is shown until another is picked; one that left the list stays until then.
        const shown = wide ? (openId ?? tickets[0]?.ticketId ?? null) : null;
        const list = (
          <>
            <View className="card" style={{ marginBottom: '12px' }}>
              <Text className="muted">待受理和已受理未交办的诉求，最早提交的在前。标“待审核”的内容需先人工审核。</Text>
            </View>
            {tickets.length === 0 && (
              <View className="card">
                <Text className="muted">没有待分办的诉求。</Text>
              </View>
            )}
            {tickets.map((t) => (
              <TicketRow
                key={t.ticketId}
                ticket={t}
                onOpen={wide ? setOpenId : undefined}
                selected={t.ticketId === shown}
              />
            ))}
            <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
          </>
        );
        if (!wide) return list;
        return (
          <View className="split">
            <View className="split__list">{list}</View>
            <View className="split__detail">
              {shown ? (
                <TicketView ticketId={shown} onChanged={state.reload} />
              ) : (
                <View className="card">
                  <Text className="muted">在左侧选择一件诉求查看和分办。</Text>
                </View>
              )}
            </View>
          </View>
        );
      }}
    </LoadState>
  );
}

export default function HotlineTriagePage() {
  return <AdminGate page="hotline-triage">{() => <Triage />}</AdminGate>;
}
