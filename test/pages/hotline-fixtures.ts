// Sample documents the 民声热线 page tests share, typed by the contract: the `can` of a caller who may do nothing, a
// ticket summary, the fields of a ticket's detail with nothing yet recorded, the first timeline steps, a department's
// statistics with nothing counted and one row of the 通报 list. Tests spread these and set what they look at.
import type { DepartmentStatsRow, ReportedTicket, TicketDetail, TicketSummary, TimelineEntry } from '@/domain/api';

/** A caller who may take no step on the ticket. */
export const NO: TicketDetail['can'] = {
  withdraw: false,
  rate: false,
  reopen: false,
  accept: false,
  assign: false,
  reject: false,
  reply: false,
  close: false,
  subscribe: false,
  merge: false,
  answer: false,
  returnTicket: false,
  reviewReturn: false,
  requestExtension: false,
  reviewExtension: false,
  cohandle: false,
  coReply: false,
  visit: false,
  visitReopen: false,
  ask: false,
  answerAsk: false,
  urge: false,
};

/** The street-lamp ticket, assigned to 市发展和改革委员会. */
export const SUMMARY: TicketSummary = {
  ticketId: 'ht_1',
  ticketNo: 'MS20200701-0007',
  category: '求助',
  title: '幸福路路灯不亮',
  status: 'assigned',
  statusName: '办理中',
  departmentId: 'd1',
  departmentName: '市发展和改革委员会',
  createdAt: '2020-07-01T09:00:00+08:00',
  dueAt: '2020-07-06T23:59:59+08:00',
  overdue: false,
  flagged: false,
  similar: [],
  programmeId: null,
};

/** What a ticket's detail adds to its summary, with no photo, contact, reply, rating or loop step recorded. */
export const UNTOUCHED: Omit<TicketDetail, keyof TicketSummary> = {
  content: '小区门口路灯坏了一周。',
  photos: [],
  subscribed: false,
  isPublic: true,
  published: false,
  requestedDepartmentId: 'd1',
  contactName: null,
  contactPhone: null,
  replies: [],
  ratings: [],
  reopened: false,
  rejectReason: null,
  parent: null,
  mergedNos: [],
  returnRequest: null,
  extensionRequest: null,
  extendedDays: 0,
  coDepartments: [],
  visits: [],
  followUp: null,
  reported: false,
  timeline: [],
  can: NO,
};

/** The 提交诉求 step of the timeline at `at`. */
export const submitStep = (at: string): TimelineEntry => ({
  event: 'submit',
  eventName: '提交诉求',
  status: 'submitted',
  actor: 'submitter',
  actorName: '诉求人',
  note: null,
  at,
});

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
  ...SUMMARY,
  ticketId: 'ht_9',
  ticketNo: 'MS20200701-0009',
  category: '投诉',
  title: '幸福路*号噪音扰民',
  departmentId: 'd2',
  departmentName: '市财政局',
  dueAt: '2020-07-15T23:59:59+08:00',
  overdue: true,
  dueDay: '2020-07-15',
  lateWorkdays: 7,
};
