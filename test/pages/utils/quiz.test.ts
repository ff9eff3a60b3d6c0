// The 知识竞赛 page helpers: choices, the server-corrected countdown, durations, ties, tags and the competition form.
import { parseTags } from '@/admin/quiz-bank/editor';
import type { QuizFormValues } from '@/admin/quiz-form/form';
import { toQuizInput } from '@/admin/quiz-form/form';
import {
  choiceText,
  clockOffset,
  countdownText,
  durationText,
  percentText,
  remainingMs,
  tiedRanks,
  toggleChoice,
} from '@/utils/quiz';

describe('choices', () => {
  it.each([
    ['single', [2], 0, [0]],
    ['judge', [0], 1, [1]],
    ['multiple', [2], 0, [0, 2]],
    ['multiple', [0, 2], 2, [0]],
    ['multiple', [], 5, [5]],
  ] as const)('%s %j tap %d -> %j', (type, current, index, expected) => {
    expect(toggleChoice(type, current, index)).toEqual(expected);
  });

  it.each([
    [[], undefined, undefined, '未作答'],
    [[2, 0], undefined, undefined, 'A、C'],
    [[1], 'judge', ['正确', '错误'], '错误'],
  ] as const)('%j reads %s', (choice, type, options, expected) => {
    expect(choiceText(choice, type, options)).toBe(expected);
  });
});

describe('countdown on the server clock', () => {
  const serverNow = '2020-07-01T09:00:00+08:00';
  const server = Date.parse(serverNow);

  it.each([
    // [phone clock at the response, phone clock now, deadline, left]
    [server, server, '2020-07-01T09:10:00+08:00', 600_000],
    [server + 3600_000, server + 3600_000 + 30_000, '2020-07-01T09:10:00+08:00', 570_000],
    [server - 3600_000, server - 3600_000 + 700_000, '2020-07-01T09:10:00+08:00', 0],
  ])('received at %d, now %d, deadline %s: %d ms left', (received, now, deadline, left) => {
    expect(remainingMs(deadline, now, clockOffset(serverNow, received))).toBe(left);
  });

  it.each([
    [600_000, '10:00'],
    [61_500, '01:02'],
    [999, '00:01'],
    [0, '00:00'],
    [3_725_000, '1:02:05'],
  ])('%d ms shows %s', (ms, text) => {
    expect(countdownText(ms)).toBe(text);
  });
});

it.each([
  [8_000, '8秒'],
  [192_400, '3分12秒'],
  [3_723_000, '1小时2分3秒'],
])('duration %d is %s', (ms, text) => {
  expect(durationText(ms)).toBe(text);
});

it('percent and ties', () => {
  expect(percentText(0.625)).toBe('62.5%');
  expect(percentText(1)).toBe('100%');
  expect([...tiedRanks([{ rank: 1 }, { rank: 2 }, { rank: 2 }, { rank: 4 }])]).toEqual([2]);
  expect(tiedRanks([{ rank: 1 }, { rank: 2 }]).size).toBe(0);
});

it('splits typed tags on commas, 、 and spaces without repeats', () => {
  expect(parseTags(' 党章，党规、 党章 六化;;')).toEqual(['党章', '党规', '六化']);
  expect(parseTags('  ')).toEqual([]);
});

describe('competition form', () => {
  const values: QuizFormValues = {
    title: ' 七一竞赛 ',
    description: '',
    startDate: '2020-07-01',
    startTime: '09:00',
    endDate: '2020-07-01',
    endTime: '21:30',
    byType: true,
    questionCount: '10',
    perType: { single: '6', multiple: '', judge: '4' },
    minutes: '10',
    attempts: '2',
    orgIds: [],
    tags: [],
  };

  it('builds the createQuiz input in Beijing time with the per-type split', () => {
    expect(toQuizInput(values)).toEqual({
      input: {
        title: '七一竞赛',
        startAt: '2020-07-01T09:00:00+08:00',
        endAt: '2020-07-01T21:30:00+08:00',
        questionCount: 10,
        perType: { single: 6, judge: 4 },
        timeLimitSec: 600,
        maxAttempts: 2,
      },
    });
    expect(
      toQuizInput({ ...values, byType: false, questionCount: '20', orgIds: ['o1'], tags: ['党章'] }).input,
    ).toMatchObject({ questionCount: 20, orgIds: ['o1'], tags: ['党章'] });
    expect(toQuizInput({ ...values, byType: false }).input?.perType).toBeUndefined();
  });

  it.each([
    [{ title: ' ' }, '请填写竞赛名称'],
    [{ startDate: '2020/7/1' }, '日期格式应为 2020-07-01'],
    [{ endTime: '24:00' }, '时间格式应为 09:00（24 小时制）'],
    [{ endTime: '08:59' }, '结束时间应晚于开始时间'],
    [{ perType: { single: '1.5', multiple: '', judge: '' } }, '各题型数量应为整数'],
    [{ perType: { single: '0', multiple: '', judge: '' } }, '题目总数应为 1–100'],
    [{ byType: false, questionCount: '101' }, '题目总数应为 1–100'],
    [{ minutes: '0' }, '答题限时应为 1–180 分钟'],
    [{ attempts: '11' }, '每人可答次数应为 1–10'],
  ] as const)('%j -> %s', (patch, error) => {
    expect(toQuizInput({ ...values, ...patch })).toEqual({ error });
  });
});
