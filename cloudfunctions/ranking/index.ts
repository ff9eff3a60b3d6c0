// The `ranking` cloud function is the 10-minute scheduler (config.json's timer trigger): it runs each feature's timer
// work, which lives in that feature's folder — 微信测评 results (rating/timer.ts), the points views: branch dashboards,
// stars and overview (points/timer.ts: "why is the branch board stale" is answered there), and 知识竞赛 closing and
// branch sums (quiz/timer.ts). `ranking.run` counts one campaign now. The deployed name stays `ranking`.
import { rankingSchemas } from '@/domain/api/ranking';
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
