// 诉求分办 (admins): tickets waiting to be accepted and assigned, oldest first; tap one to accept, assign or reject.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TicketRow } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { AdminGate } from '../shared/admin-gate';

function Triage() {
  const [page, setPage] = useState(1);
  const fetcher = useCallback(() => call('hotline', 'triage', { page }), [page]);
  const state = useRemote(fetcher);
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state}>
      {({ tickets, hasMore }) => (
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
            <TicketRow key={t.ticketId} ticket={t} />
          ))}
          <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

export default function HotlineTriagePage() {
  return <AdminGate page="hotline-triage">{() => <Triage />}</AdminGate>;
}
