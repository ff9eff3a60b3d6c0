// The points timer work, run every 10 minutes by the `ranking` scheduler: this year's branch dashboards, stars lists and the 达标创优 overview.
import type { Database } from '../../server/db';
import { computePointsViews } from './views-store';
import { shanghaiYear } from '../../server/time';

/**
 * Recomputes every org's points views for the current year (Asia/Shanghai), and in January also last year's, whose
 * late check-ins and 民主评议 are still settling. Returns the number of org views written.
 */
export async function runPointsScheduled(db: Database, now: Date): Promise<number> {
  const year = shanghaiYear(now);
  const years = shanghaiYear(new Date(now.getTime() - 31 * 24 * 3600 * 1000)) < year ? [year - 1, year] : [year];
  let written = 0;
  for (const y of years) written += (await computePointsViews(db, { year: y, now })).branches.size;
  return written;
}
