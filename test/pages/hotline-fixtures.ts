// Sample documents the 民声热线 page tests share: ticket summaries and details, the `can` of a caller who may do
// nothing, department statistics rows and the 通报 list, typed by the contract.
import type { DepartmentStatsRow, ReportedTicket } from '@/domain/api';

export type StatsFigures = Omit<DepartmentStatsRow, 'departmentId' | 'name'>;

/** A department's figures where nothing happened yet, for tests to fill in what they look at. */
export const EMPTY_FIGURES: StatsFigures = {
  received: 0,
  replied: 0,
  replyRate: null,
  onTimeRate: null,
  satisfaction: null,
  averageScore: null,
  averageReplyWorkdays: null,
  directAnswers: 0,
  directRate: null,
  merged: 0,
  duplicateRate: null,
  solveRate: null,
  visitRate: null,
  returned: 0,
  extended: 0,
  reported: 0,
};

/** One row of the 通报 list, 7 working days late. */
export const REPORTED: ReportedTicket = {
  ticketId: 'ht_9',
  ticketNo: 'MS20200701-0009',
  category: '投诉',
  title: '幸福路*号噪音扰民',
  status: 'assigned',
  statusName: '办理中',
  departmentId: 'd2',
  departmentName: '市财政局',
  createdAt: '2020-07-01T09:00:00+08:00',
  dueAt: '2020-07-15T23:59:59+08:00',
  overdue: true,
  flagged: false,
  similar: [],
  programmeId: null,
  dueDay: '2020-07-15',
  lateWorkdays: 7,
};
