// contest.results, publish and export: the ranked list from the entries (each carries its judges' totals) and one
// aggregate of the votes; once published, the list is a field of the competition, so everyone reads one document.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { ContestApi, ContestResultRow, ContestResults, contestSchemas } from '@/domain/api/contest';
import { contestCombine, contestPanelScore, contestPublicScores, contestRank, contestStage } from '@/domain/contest';
import { DEFAULT_BURST_RULE, ratingBursts } from '@/domain/rating';
import { AppError } from '../../server/app-error';
import { callerIsAdmin } from '../../server/caller';
import type { Database, Doc } from '../../server/db';
import { PAGE_SIZE } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { shanghaiIso, shanghaiStamp } from '../../server/time';
import { uploadForDownload } from '../../server/xlsx';
import { optionalCaller } from './manage';
import {
  CONTEST_SCORES,
  CONTEST_VOTES,
  CONTESTS,
  contestCriteria,
  contestJudges,
  contestKind,
  contestTimes,
  contestWeights,
  entryJudged,
  loadContest,
  readEntries,
} from './store';

function formula(weights: { panel: number; public: number }, hasVote: boolean): string[] {
  const lines = ['评委评分：每位评委按各评分项权重加权平均（0–100 分），取参与评分评委的平均分；本单位评委回避。'];
  if (hasVote && weights.public > 0) {
    lines.push('群众投票：每人每天一票；得票最多的项目计 100 分，其余按得票比例折算。');
    const total = weights.panel + weights.public;
    lines.push(
      `综合得分 = 评委评分 × ${Math.round((100 * weights.panel) / total)}% + 群众投票 × ${Math.round((100 * weights.public) / total)}%。`,
    );
  } else lines.push('综合得分 = 评委评分。');
  lines.push('综合得分相同时，评委评分高者在前，再相同时得票多者在前；仍相同则并列。尚无评委评分的项目不排名。');
  return lines;
}

/** The live results: the entries (one read), the votes per entry and, for the 工委, the bursts (one aggregate each). */
export async function buildResults(db: Database, contest: Doc, withFlags: boolean): Promise<ContestResults> {
  const t = contestTimes(contest);
  const hasVote = t.voteStartMs !== null;
  const match = { contestId: contest._id };
  const [entries, votes, windows] = await Promise.all([
    readEntries(db, contest._id),
    hasVote
      ? db
          .collection(CONTEST_VOTES)
          .aggregate()
          .match(match)
          .group({ _id: '$entryId', n: { $sum: 1 } })
          .limit(PAGE_SIZE)
          .end()
      : Promise.resolve({ list: [] as Doc[] }),
    hasVote && withFlags
      ? db
          .collection(CONTEST_VOTES)
          .aggregate()
          .match(match)
          .group({ _id: { e: '$entryId', w: '$window' }, n: { $sum: 1 } })
          .match({ n: { $gte: DEFAULT_BURST_RULE.minCount } })
          .limit(PAGE_SIZE)
          .end()
      : Promise.resolve({ list: [] as Doc[] }),
  ]);
  const voteCount: Record<string, number> = Object.fromEntries(entries.map((e) => [e._id, 0]));
  for (const g of votes.list) if (String(g._id) in voteCount) voteCount[String(g._id)] = Number(g.n) || 0;
  const publicScores = hasVote ? contestPublicScores(voteCount) : {};
  const weights = contestWeights(contest);
  const rows = entries.map((e) => {
    const totals = entryJudged(e).map((j) => j.total);
    const panel = contestPanelScore(totals);
    const pub = publicScores[e._id] ?? null;
    return {
      entryId: e._id,
      orgId: String(e.orgId ?? ''),
      orgName: String(e.orgName ?? ''),
      title: String(e.title ?? ''),
      panel,
      judges: totals.length,
      votes: voteCount[e._id] ?? 0,
      public: hasVote ? pub : null,
      score: contestCombine(panel, pub, weights),
    };
  });
  const ranked: ContestResultRow[] = contestRank(rows).map(({ row, rank, tieNote }) => ({ ...row, rank, tieNote }));
  const names = new Map(entries.map((e) => [e._id, String(e.orgName ?? '')]));
  const flags = withFlags
    ? ratingBursts(
        windows.list.map((g) => {
          const id = g._id as unknown as { e: string; w: number };
          return { departmentId: String(id.e), window: Number(id.w), count: Number(g.n) || 0 };
        }),
        voteCount,
      ).map((b) => ({
        entryId: b.departmentId,
        orgName: names.get(b.departmentId) ?? '',
        startAt: shanghaiIso(new Date(b.startMs)),
        count: b.count,
        share: b.share,
      }))
    : null;
  return {
    contestId: contest._id,
    title: String(contest.title ?? ''),
    kind: contestKind(contest.kind),
    stage: contestStage(t, Date.now()),
    weights,
    formula: formula(weights, hasVote),
    rows: ranked,
    publishedAt: null,
    flags,
  };
}

function publishedResults(contest: Doc): ContestResults {
  return {
    ...(contest.published as ContestResults),
    stage: 'published',
    publishedAt: shanghaiIso(contest.publishedAt),
  };
}

export async function results(
  input: z.output<typeof contestSchemas.results>,
  ctx: ActionContext,
): Promise<ContestApi['results']['output']> {
  const { db } = ctx;
  const [caller, contest] = await Promise.all([optionalCaller(ctx), loadContest(db, input.contestId)]);
  if (contest.published) return publishedResults(contest);
  if (!caller || !callerIsAdmin(caller)) throw new AppError('FAILED_PRECONDITION', '评比结果尚未公布');
  return buildResults(db, contest, true);
}

export async function publish(
  input: z.output<typeof contestSchemas.publish>,
  ctx: ActionContext,
): Promise<ContestApi['publish']['output']> {
  const { db } = ctx;
  const contest = await loadContest(db, input.contestId);
  const t = contestTimes(contest);
  const now = Date.now();
  switch (contestStage(t, now)) {
    case 'published':
      throw new AppError('FAILED_PRECONDITION', '结果已经公布');
    case 'upcoming':
    case 'submitting':
      throw new AppError('FAILED_PRECONDITION', '参赛项目征集截止、评委评分后才能公布结果');
    case 'judging':
      break;
  }
  if (t.voteEndMs !== null && now < t.voteEndMs)
    throw new AppError('FAILED_PRECONDITION', '群众投票尚未结束，结束后才能公布结果');
  const live = await buildResults(db, contest, false);
  if (!live.rows.some((r) => r.rank !== null))
    throw new AppError('FAILED_PRECONDITION', '还没有评委评分，不能公布结果');
  const { flags: _flags, ...snapshot } = live;
  // Only the first publication lands (a second tap finds publishedAt set).
  const { stats } = await db
    .collection(CONTESTS)
    .where({ _id: contest._id, publishedAt: null })
    .update({ data: { published: { ...snapshot, flags: null }, publishedAt: db.serverDate() } });
  if (stats.updated !== 1) throw new AppError('FAILED_PRECONDITION', '结果已经公布');
  return publishedResults(await loadContest(db, contest._id));
}

/** Every score sheet of a competition (one read per 100). */
async function allSheets(db: Database, contestId: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let page = 0; ; page++) {
    const { data } = await db
      .collection(CONTEST_SCORES)
      .where({ contestId })
      .orderBy('_id', 'asc')
      .skip(page * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .get();
    out.push(...data);
    if (data.length < PAGE_SIZE) return out;
  }
}

export async function exportResults(
  input: z.output<typeof contestSchemas.export>,
  ctx: ActionContext,
): Promise<ContestApi['export']['output']> {
  const { db } = ctx;
  const contest = await loadContest(db, input.contestId);
  const [r, sheets] = await Promise.all([
    contest.published ? Promise.resolve(publishedResults(contest)) : buildResults(db, contest, true),
    allSheets(db, contest._id),
  ]);
  const criteria = contestCriteria(contest);
  const judges = new Map(contestJudges(contest).map((j) => [j.memberId, j]));
  const titles = new Map(r.rows.map((row) => [row.entryId, `${row.orgName}：${row.title}`]));
  // Loaded on first use: exceljs is most of this bundle and `vote` should not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const main = wb.addWorksheet('结果');
  main.addRow([`${r.title}（${r.kind}）`]);
  main.addRow([r.publishedAt ? `公布时间：${r.publishedAt}` : '尚未公布（当前统计）']);
  for (const line of r.formula) main.addRow([line]);
  main.addRow([]);
  main.addRow(['名次', '参赛单位', '项目名称', '评委评分', '评分评委数', '得票', '群众投票', '综合得分', '说明']);
  const num = (x: number | null) => (x === null ? '' : x);
  for (const row of r.rows)
    main.addRow([
      row.rank ?? '未排名',
      row.orgName,
      row.title,
      num(row.panel),
      row.judges,
      row.votes,
      num(row.public),
      num(row.score),
      row.tieNote,
    ]);
  main.getColumn(2).width = 28;
  main.getColumn(3).width = 32;
  const detail = wb.addWorksheet('评委评分');
  detail.addRow(['参赛项目', '评委', '评委单位', ...criteria.map((c) => `${c.name}（权重${c.weight}）`), '加权得分']);
  for (const s of sheets) {
    const j = judges.get(String(s.memberId));
    const scores = (s.scores ?? {}) as Record<string, number>;
    detail.addRow([
      titles.get(String(s.entryId)) ?? String(s.entryId),
      j?.name ?? '',
      j?.orgName ?? '',
      ...criteria.map((c) => scores[c.key] ?? ''),
      Number(s.total),
    ]);
  }
  detail.getColumn(1).width = 40;
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = shanghaiStamp(new Date());
  return uploadForDownload(`exports/contest/${contest._id}-${stamp}`, `${r.title}-评比结果.xlsx`, file);
}
