// The `orglife` cloud function (组织生活): 三会一课 会议纪实 and the 民主评议党员 ballot, one function so that a branch's
// life costs one cold start; notices and study materials are the `notice` engineer's function.
import { orglifeSchemas } from '@/domain/api/orglife';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { exportMinutes } from './export';
import { meeting, meetings, saveMinutes } from './minutes';
import { ballot, closeReview, openReview, propose, reviews, tally, vote } from './reviews';

const MANAGERS = ['admin', 'secretary'] as const;

const actions = {
  saveMinutes: action({ input: orglifeSchemas.saveMinutes, auth: MANAGERS, handler: saveMinutes }),
  meeting: action({ input: orglifeSchemas.meeting, auth: 'signed-in', handler: meeting }),
  meetings: action({ input: orglifeSchemas.meetings, auth: 'signed-in', handler: meetings }),
  exportMinutes: action({ input: orglifeSchemas.exportMinutes, auth: MANAGERS, handler: exportMinutes }),
  openReview: action({ input: orglifeSchemas.openReview, auth: MANAGERS, handler: openReview }),
  reviews: action({ input: orglifeSchemas.reviews, auth: 'signed-in', handler: reviews }),
  ballot: action({ input: orglifeSchemas.ballot, auth: 'signed-in', handler: ballot }),
  vote: action({ input: orglifeSchemas.vote, auth: 'signed-in', handler: vote }),
  closeReview: action({ input: orglifeSchemas.closeReview, auth: MANAGERS, handler: closeReview }),
  tally: action({ input: orglifeSchemas.tally, auth: MANAGERS, handler: tally }),
  propose: action({ input: orglifeSchemas.propose, auth: MANAGERS, handler: propose }),
} satisfies ContractTable<'orglife'>;

export const main = defineFunction(actions);
