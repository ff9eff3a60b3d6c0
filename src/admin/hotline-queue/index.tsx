// 本部门诉求 (handlers; admins choose a department): tickets assigned to the department and not yet answered,
// nearest deadline first; tap one to reply. Below them, tickets another department leads and this one co-handles
// (协办), where the department adds its part. On top, 接收催办提醒 where WeChat can send one (the mini-program).
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TicketRow } from '@/components/hotline-ui';
import { RemindNotice } from '@/components/hotline-ui/remind-notice';
import { LoadState } from '@/components/load-state';
import { identityIsAdmin } from '@/domain/identity';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';

function Queue({ departmentId }: { departmentId: string }) {
  const fetcher = useCallback(() => call('hotline', 'queue', { departmentId }), [departmentId]);
  const state = useRemote(fetcher);
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state}>
      {({ tickets, cohandling }) => (
        <>
          {tickets.length === 0 && (
            <View className="card">
              <Text className="muted">没有待答复的诉求。</Text>
            </View>
          )}
          {tickets.map((t) => (
            <TicketRow key={t.ticketId} ticket={t} showDepartment={false} />
          ))}
          {cohandling.length > 0 && (
            <View className="card">
              <Text className="card__title">本部门协办的诉求（由主办部门答复）</Text>
            </View>
          )}
          {cohandling.map((t) => (
            <TicketRow key={t.ticketId} ticket={t} showDepartment />
          ))}
        </>
      )}
    </LoadState>
  );
}

function Departments({ me, directory }: AdminContext) {
  const own = me.roles.filter((r) => r.role === 'handler' && r.scopeId).map((r) => r.scopeId as string);
  const choices = identityIsAdmin(me.roles)
    ? directory.departments
    : directory.departments.filter((d) => own.includes(d.departmentId));
  const [departmentId, setDepartmentId] = useState<string | null>(choices[0]?.departmentId ?? null);
  return (
    <>
      <RemindNotice />
      {choices.length > 1 && (
        <View className="card hotline-chips" style={{ marginBottom: '12px' }}>
          {choices.map((d) => (
            <Text
              key={d.departmentId}
              className={`hotline-chip${departmentId === d.departmentId ? ' hotline-chip--on' : ''}`}
              onClick={() => setDepartmentId(d.departmentId)}
            >
              {d.name}
            </Text>
          ))}
        </View>
      )}
      {departmentId ? <Queue departmentId={departmentId} /> : <Text className="muted">尚未录入部门。</Text>}
    </>
  );
}

export default function HotlineQueuePage() {
  return <AdminGate page="hotline-queue">{(ctx) => <Departments {...ctx} />}</AdminGate>;
}
