// The `ranking` cloud function: counts 微信测评 ratings into result documents and recomputes the points views
// (branch dashboards, stars, overview), every 10 minutes and on demand.
import { rankingSchemas } from '@/domain/api/rating';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { withTimer } from '../../server/timer';
import { runPointsScheduled } from '../points/timer';
import { runQuizScheduled } from '../quiz/timer';
import { run, runRatingScheduled } from '../rating/timer';

const actions = {
  run: action({ input: rankingSchemas.run, auth: ['admin'], handler: run }),
} satisfies ContractTable<'ranking'>;

export const main = withTimer(defineFunction(actions), async (db, at) => {
  const campaigns = await runRatingScheduled(db, at);
  await runPointsScheduled(db, at);
  await runQuizScheduled(db, at);
  return { campaigns };
});
