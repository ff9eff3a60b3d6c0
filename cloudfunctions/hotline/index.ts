// The `hotline` cloud function (民声热线): submitting, the workflow, views, the public board, statistics and the
// hourly timer for overdue marking and 催办 reminders.
import { hotlineSchemas } from '@/domain/api/hotline';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { answerWithKnowledge, knowledgeHelpful, knowledgeList, knowledgeSave, knowledgeSearch } from './knowledge';
import { merge } from './merge';
import { programmeGet, programmeList, programmeSave } from './programmes';
import { withTimer } from '../../server/timer';
import { accept, assign, close, rate, reject, reopen, reply, subscribe, withdraw } from './steps';
import { submit } from './submit';
import { runTimer } from './timer';
import { get, mine, publicList, queue, stats, triage } from './views';
import {
  answerAsk,
  ask,
  cohandle,
  coReply,
  reports,
  requestExtension,
  returnTicket,
  reviewExtension,
  reviewReturn,
  urge,
  visit,
  visitReopen,
} from './loop';
import { statsExport } from './loop-views';
import { remindSubscribe, remindSubscription } from './subscriptions';

const actions = {
  submit: action({ input: hotlineSchemas.submit, auth: 'signed-in', handler: submit }),
  mine: action({ input: hotlineSchemas.mine, auth: 'signed-in', handler: mine }),
  get: action({ input: hotlineSchemas.get, auth: 'signed-in', handler: get }),
  accept: action({ input: hotlineSchemas.accept, auth: ['admin'], handler: accept }),
  reject: action({ input: hotlineSchemas.reject, auth: ['admin'], handler: reject }),
  assign: action({ input: hotlineSchemas.assign, auth: ['admin'], handler: assign }),
  reply: action({ input: hotlineSchemas.reply, auth: ['handler', 'admin'], handler: reply }),
  rate: action({ input: hotlineSchemas.rate, auth: 'signed-in', handler: rate }),
  reopen: action({ input: hotlineSchemas.reopen, auth: 'signed-in', handler: reopen }),
  withdraw: action({ input: hotlineSchemas.withdraw, auth: 'signed-in', handler: withdraw }),
  subscribe: action({ input: hotlineSchemas.subscribe, auth: 'signed-in', handler: subscribe }),
  close: action({ input: hotlineSchemas.close, auth: ['admin'], handler: close }),
  triage: action({ input: hotlineSchemas.triage, auth: ['admin'], handler: triage }),
  queue: action({ input: hotlineSchemas.queue, auth: ['handler', 'admin'], handler: queue }),
  publicList: action({ input: hotlineSchemas.publicList, auth: 'public', handler: publicList }),
  stats: action({ input: hotlineSchemas.stats, auth: 'public', handler: stats }),
  // 知识库, 并单, 热线节目
  knowledgeSearch: action({ input: hotlineSchemas.knowledgeSearch, auth: 'public', handler: knowledgeSearch }),
  knowledgeHelpful: action({ input: hotlineSchemas.knowledgeHelpful, auth: 'signed-in', handler: knowledgeHelpful }),
  knowledgeList: action({ input: hotlineSchemas.knowledgeList, auth: ['admin'], handler: knowledgeList }),
  knowledgeSave: action({ input: hotlineSchemas.knowledgeSave, auth: ['admin'], handler: knowledgeSave }),
  answerWithKnowledge: action({
    input: hotlineSchemas.answerWithKnowledge,
    auth: ['admin'],
    handler: answerWithKnowledge,
  }),
  merge: action({ input: hotlineSchemas.merge, auth: ['admin'], handler: merge }),
  programmeSave: action({ input: hotlineSchemas.programmeSave, auth: ['admin'], handler: programmeSave }),
  programmeList: action({ input: hotlineSchemas.programmeList, auth: 'public', handler: programmeList }),
  programmeGet: action({ input: hotlineSchemas.programmeGet, auth: 'public', handler: programmeGet }),
  // 12345 handling loop (issue 15)
  returnTicket: action({ input: hotlineSchemas.returnTicket, auth: ['handler'], handler: returnTicket }),
  reviewReturn: action({ input: hotlineSchemas.reviewReturn, auth: ['admin'], handler: reviewReturn }),
  requestExtension: action({ input: hotlineSchemas.requestExtension, auth: ['handler'], handler: requestExtension }),
  reviewExtension: action({ input: hotlineSchemas.reviewExtension, auth: ['admin'], handler: reviewExtension }),
  cohandle: action({ input: hotlineSchemas.cohandle, auth: ['admin'], handler: cohandle }),
  coReply: action({ input: hotlineSchemas.coReply, auth: ['handler'], handler: coReply }),
  visit: action({ input: hotlineSchemas.visit, auth: ['admin'], handler: visit }),
  visitReopen: action({ input: hotlineSchemas.visitReopen, auth: ['admin'], handler: visitReopen }),
  ask: action({ input: hotlineSchemas.ask, auth: 'signed-in', handler: ask }),
  answerAsk: action({ input: hotlineSchemas.answerAsk, auth: ['handler', 'admin'], handler: answerAsk }),
  urge: action({ input: hotlineSchemas.urge, auth: 'signed-in', handler: urge }),
  reports: action({ input: hotlineSchemas.reports, auth: ['admin'], handler: reports }),
  statsExport: action({ input: hotlineSchemas.statsExport, auth: ['admin'], handler: statsExport }),
  remindSubscription: action({
    input: hotlineSchemas.remindSubscription,
    auth: ['handler', 'admin'],
    handler: remindSubscription,
  }),
  remindSubscribe: action({
    input: hotlineSchemas.remindSubscribe,
    auth: ['handler', 'admin'],
    handler: remindSubscribe,
  }),
} satisfies ContractTable<'hotline'>;

export const main = withTimer(defineFunction(actions), runTimer);
