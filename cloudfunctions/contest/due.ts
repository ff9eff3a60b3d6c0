// contest.due: 达标创优's contest line. For each competition whose submission window is open, the units that have
// not yet entered, from the competitions' documents (each lists its entrants' orgs, written with the entry) and the
// directory: two reads whatever the number of entries or orgs. A competition whose list is shorter than its count
// (created before the list was kept) reads its entries instead, in one bounded read.
import type { z } from 'zod';
import type { ContestApi, contestSchemas } from '@/domain/api/contest';
import { CONTEST_DUE_MAX } from '@/domain/api/contest';
import { contestUnitsDue } from '@/domain/contest';
import type { ActionContext } from '../../server/dispatch';
import { readDirectory } from '../../server/directory';
import { shanghaiIso } from '../../server/time';
import { CONTESTS, contestKind, readEntries, strings } from './store';

export async function due(
  _input: z.output<typeof contestSchemas.due>,
  ctx: ActionContext,
): Promise<ContestApi['due']['output']> {
  const { db } = ctx;
  const _ = db.command;
  const now = new Date();
  const [dir, { data }] = await Promise.all([
    readDirectory(db),
    db
      .collection(CONTESTS)
      .where({ publishedAt: null, submitStartAt: _.lte(now), submitEndAt: _.gt(now) })
      .orderBy('submitEndAt', 'asc')
      .limit(CONTEST_DUE_MAX)
      .field({ kind: true, title: true, submitEndAt: true, entryCount: true, enteredOrgIds: true })
      .get(),
  ]);
  const orgs = [...dir.orgs].sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name, 'zh-CN'));
  const contests = await Promise.all(
    data.map(async (c) => {
      let entered = strings(c.enteredOrgIds);
      if (entered.length < (Number(c.entryCount) || 0))
        entered = (await readEntries(db, c._id)).map((e) => String(e.orgId));
      const missing = contestUnitsDue(orgs, entered);
      return {
        contestId: c._id,
        kind: contestKind(c.kind),
        title: typeof c.title === 'string' ? c.title : '',
        submitEndAt: shanghaiIso(c.submitEndAt),
        units: contestUnitsDue(orgs, []).length,
        missing: missing.map((o) => ({ orgId: o.orgId, name: o.name })),
      };
    }),
  );
  return { contests };
}
