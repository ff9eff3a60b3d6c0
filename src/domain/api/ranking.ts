// Contract of the `ranking` cloud function, the 10-minute scheduler. Its timer runs the scheduled work of 微信测评
// (campaign results), 积分 (branch dashboards, stars, overview) and 知识竞赛 (closing attempts, branch sums), each in
// its feature's cloudfunctions/<part>/timer.ts; `run` counts one 测评 campaign's ratings now. The deployed name stays
// `ranking` (renaming a function on WeChat means recreating it and its trigger).
import type { z } from 'zod';
import { id, input } from './common';

export const rankingSchemas = {
  run: input({ campaignId: id }),
};

export interface RankingApi {
  run: { input: z.input<typeof rankingSchemas.run>; output: { campaignId: string; votes: number; computedAt: string } };
}
