// The ticket workflow as a transition table: submitted -> accepted -> assigned -> replied -> rated -> closed, plus
// rejected, withdrawn and one re-open after a poor rating.

export const HOTLINE_STATUSES = [
  'submitted',
  'accepted',
  'assigned',
  'replied',
  'rated',
  'closed',
  'rejected',
  'withdrawn',
  // 并单 / 知识库 (public side of issue 15)
  'merged',
  // 12345 handling loop (issue 15): a handler's 退单 awaiting the admin's review; a 追问 awaiting the handler.
  'returned',
  'asked',
] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];

export type HotlineEvent =
  | 'accept'
  | 'reject'
  | 'assign'
  | 'reply'
  | 'rate'
  | 'reopen'
  | 'close'
  | 'withdraw'
  // 并单: merged into an earlier open ticket; 知识答复: answered at triage with a 知识库 answer.
  | 'merge'
  | 'answer'

  // 12345 handling loop (issue 15)
  | 'return'
  | 'returnAccept'
  | 'returnReject'
  | 'extend'
  | 'extendApprove'
  | 'extendRefuse'
  | 'cohandle'
  | 'coReply'
  | 'visit'
  | 'visitReopen'
  | 'ask'
  | 'answerAsk'
  | 'urge';

/** Steps only the timer writes on the timeline (not table events): the 催办 ladder. */
export type HotlineSystemEvent = 'submit' | 'overdue' | 'notice' | 'report';

/** What the workflow needs to know beyond the status: whether the one re-open is used, and the last score. */
export interface HotlineFlow {
  status: HotlineStatus;
  reopened: boolean;
  /** The latest satisfaction score (1..5), or null before any rating. */
  lastScore: number | null;
  /** A 延期申请 awaits the admin's decision. */
  extensionPending?: boolean;
  /** The submitter used the one 追问. */
  asked?: boolean;
  /** The latest 回访 found the problem not solved: the admin may send it back to the department. */
  visitUnsolved?: boolean;
}

/** A rating at or below this is poor: the submitter may re-open the ticket once. */
export const HOTLINE_POOR_SCORE = 2;

export const HOTLINE_STATUS_NAMES: Readonly<Record<HotlineStatus, string>> = {
  submitted: '待受理',
  accepted: '已受理',
  assigned: '办理中',
  replied: '已答复',
  rated: '已评价',
  closed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
  merged: '已并单',
  returned: '退单待审核',
  asked: '追问待答复',
};

export const HOTLINE_EVENT_NAMES: Readonly<Record<HotlineEvent | HotlineSystemEvent, string>> = {
  submit: '提交诉求',
  accept: '受理',
  reject: '不予受理',
  assign: '交办',
  reply: '答复',
  rate: '评价',
  reopen: '申请重新办理',
  close: '办结',
  withdraw: '撤回',
  overdue: '超期',
  merge: '并单',
  answer: '知识库答复',
  return: '退单',
  returnAccept: '同意退单并改派',
  returnReject: '驳回退单',
  extend: '申请延期',
  extendApprove: '同意延期',
  extendRefuse: '不同意延期',
  cohandle: '指定协办部门',
  coReply: '协办意见',
  visit: '回访',
  visitReopen: '回访未解决，重新办理',
  ask: '追问',
  answerAsk: '答复追问',
  urge: '催办',
  notice: '催办通知书',
  report: '超期通报',
};

/**
 * The table: from a status, which event leads where. `assign` from `assigned` is a reassignment; `reopen` sends a
 * poorly rated ticket back to its department.
 */
export const HOTLINE_TRANSITIONS: Readonly<Record<HotlineStatus, Partial<Record<HotlineEvent, HotlineStatus>>>> = {
  submitted: {
    accept: 'accepted',
    assign: 'assigned',
    reject: 'rejected',
    withdraw: 'withdrawn',
    merge: 'merged',
    answer: 'replied',
    urge: 'submitted',
  },
  accepted: {
    assign: 'assigned',
    reject: 'rejected',
    withdraw: 'withdrawn',
    merge: 'merged',
    answer: 'replied',
    urge: 'accepted',
  },
  assigned: {
    assign: 'assigned',
    reply: 'replied',
    reject: 'rejected',
    withdraw: 'withdrawn',
    merge: 'merged',
    // 12345 handling loop (issue 15)
    return: 'returned',
    extend: 'assigned',
    extendApprove: 'assigned',
    extendRefuse: 'assigned',
    cohandle: 'assigned',
    coReply: 'assigned',
    urge: 'assigned',
  },
  replied: { rate: 'rated', close: 'closed', visit: 'replied', visitReopen: 'assigned', ask: 'asked' },
  rated: { reopen: 'assigned', close: 'closed', visit: 'rated', visitReopen: 'assigned', ask: 'asked' },
  closed: { visit: 'closed', visitReopen: 'assigned' },
  rejected: {},
  withdrawn: {},
  merged: {},
  // 退单: the admin accepts it (改派 to another department) or rejects it (the department keeps it); the clock runs on.
  returned: { returnAccept: 'assigned', returnReject: 'assigned', withdraw: 'withdrawn', urge: 'returned' },
  // 追问: the department answers in the same thread, the ticket is answered again.
  asked: { answerAsk: 'replied' },
};

export type HotlineTransition = { ok: true; flow: HotlineFlow } | { ok: false; message: string };

const EVENT_MESSAGES: Readonly<Record<HotlineEvent, string>> = {
  accept: '只有待受理的诉求可以受理',
  reject: '该诉求已答复或已结束，不能再不予受理',
  assign: '该诉求已答复或已结束，不能再交办',
  reply: '该诉求尚未交办到部门或已答复，不能答复',
  rate: '该诉求尚未答复或已评价，不能评价',
  reopen: '只有评价后、尚未办结的诉求可以申请重新办理',
  close: '只有已答复或已评价的诉求可以办结',
  withdraw: '诉求已答复或已结束，不能撤回',
  merge: '只有尚未答复的诉求可以并单',
  answer: '只有待受理或已受理的诉求可以用知识库答复',
  return: '只有办理中的诉求可以退单',
  returnAccept: '该诉求没有待审核的退单',
  returnReject: '该诉求没有待审核的退单',
  extend: '只有办理中的诉求可以申请延期',
  extendApprove: '该诉求没有待审核的延期申请',
  extendRefuse: '该诉求没有待审核的延期申请',
  cohandle: '只有办理中的诉求可以指定协办部门',
  coReply: '只有办理中的诉求可以填写协办意见',
  visit: '只有已答复或已办结的诉求可以回访',
  visitReopen: '只有回访未解决的诉求可以重新办理',
  ask: '只有已答复、尚未办结的诉求可以追问',
  answerAsk: '该诉求没有待答复的追问',
  urge: '只有尚未答复的诉求可以催办',
};

/** Guards beyond the table for the handling loop's events (issue 15), or null when the event may go ahead. */
function loopProblem(flow: HotlineFlow, event: HotlineEvent): string | null {
  switch (event) {
    case 'extend':
      return flow.extensionPending ? '已有延期申请待审核，请等待机关工委审核' : null;
    case 'extendApprove':
    case 'extendRefuse':
      return flow.extensionPending ? null : EVENT_MESSAGES[event];
    case 'visitReopen':
      return flow.visitUnsolved ? null : EVENT_MESSAGES[event];
    case 'ask':
      return flow.asked ? '每件诉求只能追问一次' : null;
    default:
      return null;
  }
}

/** The handling loop's flags after an event (issue 15). */
function loopFlags(flow: HotlineFlow, event: HotlineEvent): Partial<HotlineFlow> {
  switch (event) {
    case 'extend':
      return { extensionPending: true };
    case 'extendApprove':
    case 'extendRefuse':
    case 'reply':
    case 'returnAccept':
      return flow.extensionPending ? { extensionPending: false } : {};
    case 'visitReopen':
      return { visitUnsolved: false };
    case 'ask':
      return { asked: true };
    default:
      return {};
  }
}

/**
 * Applies one event. Beyond the table: a ticket is re-opened at most once and only after a poor rating (score
 * <= 2); after a re-open it may be rated once more, and no further re-open.
 *
 * @example hotlineTransition({ status: 'submitted', reopened: false, lastScore: null }, 'accept')
 *   // { ok: true, flow: { status: 'accepted', reopened: false, lastScore: null } }
 * @example hotlineTransition({ status: 'rated', reopened: false, lastScore: 1 }, 'reopen')
 *   // { ok: true, flow: { status: 'assigned', reopened: true, lastScore: 1 } }
 * @example hotlineTransition({ status: 'rated', reopened: true, lastScore: 1 }, 'reopen')
 *   // { ok: false, message: '每件诉求只能申请重新办理一次' }
 */
export function hotlineTransition(flow: HotlineFlow, event: HotlineEvent): HotlineTransition {
  const to = HOTLINE_TRANSITIONS[flow.status][event];
  if (!to) return { ok: false, message: EVENT_MESSAGES[event] };
  if (event === 'reopen') {
    if (flow.reopened) return { ok: false, message: '每件诉求只能申请重新办理一次' };
    if (flow.lastScore === null || flow.lastScore > HOTLINE_POOR_SCORE)
      return { ok: false, message: `只有评价为 ${HOTLINE_POOR_SCORE} 分及以下的诉求可以申请重新办理` };
    return { ok: true, flow: { ...flow, status: to, reopened: true } };
  }
  const problem = loopProblem(flow, event);
  if (problem) return { ok: false, message: problem };
  return { ok: true, flow: { ...flow, ...loopFlags(flow, event), status: to } };
}

/**
 * Whether a rating ends the ticket at once: a good rating, or the follow-up rating after a re-open. A poor first
 * rating leaves it `rated`, so the submitter can still ask for a re-open (or an admin closes it).
 *
 * @example hotlineRatingCloses(5, false) // true
 * @example hotlineRatingCloses(2, false) // false
 * @example hotlineRatingCloses(1, true)  // true
 */
export function hotlineRatingCloses(score: number, reopened: boolean): boolean {
  return reopened || score > HOTLINE_POOR_SCORE;
}

/** Statuses in which the department still owes a reply (deadlines and reminders apply). */
export const HOTLINE_OPEN_STATUSES: readonly HotlineStatus[] = ['submitted', 'accepted', 'assigned', 'returned'];

/** Statuses in which a reply exists (the public board shows these when allowed). */
export const HOTLINE_REPLIED_STATUSES: readonly HotlineStatus[] = ['replied', 'rated', 'closed', 'asked'];

/**
 * Whether a 回访 result leaves the ticket open for a re-do: `visit` is a self-loop in the table; the flag it sets
 * (solved or not) decides whether `visitReopen` is allowed.
 *
 * @example hotlineAfterVisit({ status: 'closed', reopened: false, lastScore: 5 }, false).visitUnsolved // true
 */
export function hotlineAfterVisit(flow: HotlineFlow, solved: boolean): HotlineFlow {
  return { ...flow, visitUnsolved: !solved };
}
