// Pieces the 民声热线 pages share: a ticket row for lists, the status tag and navigation targets.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketSummary } from '@/domain/api';
import type { HotlineStatus } from '@/domain/hotline/workflow';
import { dateText } from '@/utils/time';
import './index.scss';

export const HOTLINE_PAGES = {
  submit: '/pages/hotline-submit/index',
  mine: '/pages/hotline-mine/index',
  ticket: (ticketId: string) => `/pages/hotline-ticket/index?id=${ticketId}`,
  board: '/pages/hotline-board/index',
  triage: '/admin/hotline-triage/index',
  queue: '/admin/hotline-queue/index',
  // 热线节目 and 知识库 (issue 15)
  programmes: '/pages/hotline-programme/index',
  programme: (programmeId: string) => `/pages/hotline-programme/index?id=${programmeId}`,
  submitFor: (programmeId: string) => `/pages/hotline-submit/index?programme=${programmeId}`,
  knowledgeAdmin: '/admin/hotline-knowledge/index',
  programmesAdmin: '/admin/hotline-programmes/index',
  statsAdmin: '/admin/hotline-stats/index',
};

export function StatusTag({ status, name }: { status: HotlineStatus; name: string }) {
  return <Text className={`hotline-status hotline-status--${status}`}>{name}</Text>;
}

/**
 * A ticket in a list: tapping it opens 诉求详情, or calls `onOpen` where the detail is shown beside the list (诉求分办 on
 * a PC), with `selected` marking the one shown.
 */
export function TicketRow({
  ticket,
  showDepartment = true,
  onOpen,
  selected = false,
}: {
  ticket: TicketSummary;
  showDepartment?: boolean;
  onOpen?: (ticketId: string) => void;
  selected?: boolean;
}) {
  return (
    <View
      className={`card hotline-ticket-row${selected ? ' hotline-ticket-row--selected' : ''}`}
      onClick={() =>
        onOpen ? onOpen(ticket.ticketId) : Taro.navigateTo({ url: HOTLINE_PAGES.ticket(ticket.ticketId) })
      }
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
        {ticket.overdue ? '已超期 · ' : ''}办理期限 {dateText(ticket.dueAt)}
        {ticket.flagged ? ' · 待审核' : ''}
      </Text>
    </View>
  );
}
