// The results workbook (exceljs): 选手成绩, 支部成绩, and one sheet per question with the answer counts and the
// right-answer rate; written to cloud storage for the host to download.
import type * as ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { LiveApi, liveSchemas } from '@/domain/api/live';
import { liveArbitrate, liveIsCorrect, liveRankPlayers } from '@/domain/live';
import { QUESTION_TYPE_LABELS } from '@/domain/quiz';
import type { Doc } from '../../server/db';
import type { ActionContext } from '../../server/dispatch';
import { uploadForDownload } from '../../server/xlsx';
import type { Scores } from './board';
import { readAll, readScores } from './board';
import type { Run } from './store';
import { ANSWERS, readRun, requireHost } from './store';
import { shanghaiIso } from '../../server/time';

const LETTERS = 'ABCDEFGHIJ';
const SCORING_TEXT = { accuracy: '答对题数优先，用时少者在前', speed: '答对得 500–1000 分，越快越多' } as const;

function header(sheet: ExcelJS.Worksheet, names: string[]): void {
  const row = sheet.addRow(names);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

function titled(wb: ExcelJS.Workbook, name: string, title: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name);
  sheet.columns = widths.map((width) => ({ width }));
  sheet.addRow([title]).font = { bold: true, size: 14 };
  return sheet;
}

const rate = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 1000) / 10}%` : '—');

/** The workbook as a Buffer. */
export async function buildResultsWorkbook(run: Run, scores: Scores, answers: Doc[]): Promise<Buffer> {
  // Loaded on first use: exceljs is most of the bundle and answering must not pay for it.
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  const wb = new Workbook();
  const players = liveRankPlayers(
    Object.entries(scores.players).map(([memberId, p]) => ({ memberId, ...p })),
    run.scoring,
  );
  const sheet = titled(wb, '选手成绩', `${run.title} 选手成绩`, [8, 14, 30, 10, 10, 10, 14]);
  sheet.addRow([`计分：${SCORING_TEXT[run.scoring]}；共 ${run.questions.length} 题，${players.length} 人参赛`]);
  header(sheet, ['名次', '姓名', '支部', '得分', '答对', '作答', '总用时（秒）']);
  for (const p of players) {
    const s = scores.players[p.memberId];
    sheet.addRow([
      p.rank,
      p.name,
      run.orgNames[s.orgId] ?? s.orgId,
      p.score,
      s.right,
      s.answered,
      Math.round(s.ms / 100) / 10,
    ]);
  }

  const teams = titled(wb, '支部成绩', `${run.title} 支部成绩（支部得分 = 本支部选手的平均分）`, [8, 34, 10, 12]);
  header(teams, ['名次', '支部', '参赛人数', '平均分']);
  for (const t of scores.teams) teams.addRow([t.rank, t.name, t.players, t.score]);

  run.questions.forEach((q, index) => {
    const mine = answers.filter((a) => Number(a.index) === index);
    const qs = titled(
      wb,
      `第${index + 1}题`,
      `第 ${index + 1} 题（第 ${q.round + 1} 轮 ${q.kind}，${QUESTION_TYPE_LABELS[q.type]}）`,
      [10, 50, 12, 12],
    );
    qs.addRow([q.stem]);
    qs.addRow([`正确答案：${q.answer.map((a) => LETTERS[a]).join('')}`]);
    if (q.kind === '抢答') {
      const buzzes = mine.filter((a) => a.kind === 'buzz');
      const valid = buzzes
        .filter((b) => b.valid === true)
        .map((b) => ({ memberId: String(b.memberId), at: Number(b.at) }));
      // Only valid buzzes are kept here (false starts are listed below), so every one counts from time 0.
      const order = liveArbitrate(valid, 0).order;
      const names = new Map(buzzes.map((b) => [String(b.memberId), String(b.name)]));
      header(qs, ['顺序', '姓名', '抢答时间', '']);
      order.forEach((m, i) =>
        qs.addRow([i + 1, names.get(m), shanghaiIso(Number(valid.find((v) => v.memberId === m)?.at))]),
      );
      const early = buzzes.filter((b) => b.falseStart === true).map((b) => String(b.name));
      if (early.length) qs.addRow(['抢跑', early.join('、')]);
      return;
    }
    const given = mine.filter((a) => a.kind === 'answer');
    const right = given.filter((a) => liveIsCorrect((a.choice as number[]) ?? [], q.answer)).length;
    header(qs, ['选项', '内容', '选择人数', '是否正确']);
    q.options.forEach((o, i) =>
      qs.addRow([
        LETTERS[i],
        o,
        given.filter((a) => ((a.choice as number[]) ?? []).includes(i)).length,
        q.answer.includes(i) ? '√' : '',
      ]),
    );
    qs.addRow([]);
    qs.addRow(['作答人数', given.length]);
    qs.addRow(['答对人数', right]);
    qs.addRow(['正确率', rate(right, given.length)]);
    const fast = given.filter((a) => a.flagged === true).map((a) => `${String(a.name)}（${Number(a.ms)} 毫秒）`);
    if (fast.length) qs.addRow(['过快作答', fast.join('、')]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportResults(
  input: z.output<typeof liveSchemas.export>,
  ctx: ActionContext,
): Promise<LiveApi['export']['output']> {
  const { db } = ctx;
  const [caller, run] = await Promise.all([ctx.caller(), readRun(db, input.sessionId)]);
  requireHost(caller, run);
  const [scores, answers] = await Promise.all([
    readScores(db, run.sessionId),
    readAll(db, ANSWERS, { sessionId: run.sessionId }),
  ]);
  const file = await buildResultsWorkbook(run, scores, answers);
  const { fileID, url, fileName } = await uploadForDownload(
    `live-exports/${run.sessionId}/${Date.now()}`,
    `${run.title}-现场赛成绩.xlsx`,
    file,
  );
  return { fileId: fileID, url, fileName };
}
