// What other functions may read of 微信测评: the campaigns open now that a person has not rated yet (the home page).
import type { Database } from '../../server/db';
import { str } from '../../server/db';
import { CAMPAIGNS, RATINGS } from './store';

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** Campaigns open at `now` (at most `limit`) in which `openid` has rated no department yet (two reads). */
export async function readOpenCampaignsToRate(
  db: Database,
  openid: string,
  now: Date,
  limit: number,
): Promise<Array<{ campaignId: string; title: string; endAt: Date }>> {
  const _ = db.command;
  const { data } = await db
    .collection(CAMPAIGNS)
    .where({ startAt: _.lte(now), endAt: _.gt(now) })
    .limit(limit)
    .field({ title: true, endAt: true })
    .get();
  if (!data.length) return [];
  const rated = await db
    .collection(RATINGS)
    .where({ openid, campaignId: _.in(data.map((c) => c._id)) })
    .limit(100)
    .field({ campaignId: true })
    .get();
  const done = new Set(rated.data.map((r) => str(r, 'campaignId')));
  return data
    .filter((c) => !done.has(c._id))
    .map((c) => ({ campaignId: c._id, title: str(c, 'title') ?? '', endAt: date(c.endAt) }));
}
