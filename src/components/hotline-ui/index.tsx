// Pieces the 民声热线 pages share: a ticket row for lists, the status tag, time formatting and navigation targets.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketSummary } from '@/domain/api';
import type { HotlineStatus } from '@/domain/hotline/workflow';
import './index.scss';

export const HOTLINE_PAGES = {
  submit: '/pages/hotline-submit/index',
  mine: '/pages/hotline-mine/index',
  ticket: (ticketId: string) => `/pages/hotline-ticket/index?id=${ticketId}`,
  board: '/pages/hotline-board/index',
  triage: '/admin/hotline-triage/index',
  queue: '/admin/hotline-queue/index',
};

/** 2020-07-01T09:00:00+08:00 -> 2020-07-01 09:00 */
export const hotlineTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');
/** 2020-07-01T23:59:59+08:00 -> 2020-07-01 */
export const hotlineDay = (iso: string) => iso.slice(0, 10);

export function StatusTag({ status, name }: { status: HotlineStatus; name: string }) {
  return <Text className={`hotline-status hotline-status--${status}`}>{name}</Text>;
}

export function TicketRow({ ticket, showDepartment = true }: { ticket: TicketSummary; showDepartment?: boolean }) {
  return (
    <View
      className="card hotline-ticket-row"
      onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.ticket(ticket.ticketId) })}
    >
      <View className="hotline-ticket-row__head">
        <Text className="hotline-ticket-row__title">{ticket.title}</Text>
        <StatusTag status={ticket.status} name={ticket.statusName} />
      </View>
      <Text className="hotline-ticket-row__meta">
        {ticket.ticketNo} · {ticket.category}
        {showDepartment && ticket.departmentName ? ` · ${ticket.departmentName}` : ''}
      </Text>
      <Text className={`hotline-ticket-row__due${ticket.overdue ? ' hotline-ticket-row__due--over' : ''}`}>
        {ticket.overdue ? '已超期 · ' : ''}办理期限 {hotlineDay(ticket.dueAt)}
        {ticket.flagged ? ' · 待审核' : ''}
      </Text>
    </View>
  );
}
