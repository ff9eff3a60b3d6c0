// Question validation for import, the stem key and deterministic ids, and reading the Excel template's rows.
import {
  quizFindHeader,
  quizNormaliseQuestion,
  quizParseAnswer,
  quizQuestionId,
  quizIsSample,
  quizSheetRows,
  quizSplitTags,
  quizStemKey,
  QUIZ_SHEET_COLUMNS,
} from '@/domain/quiz';

const single = { type: 'single', stem: '党的最高领导机关是（ ）。', options: ['甲', '乙', '丙'], answer: [0] };

describe('quizNormaliseQuestion', () => {
  it('accepts each type and normalises it', () => {
    expect(quizNormaliseQuestion({ ...single, tags: ['党章', '党章', ''], analysis: '  见党章 ' })).toEqual({
      ok: true,
      question: {
        type: 'single',
        stem: single.stem,
        options: ['甲', '乙', '丙'],
        answer: [0],
        analysis: '见党章',
        tags: ['党章'],
      },
    });
    expect(
      quizNormaliseQuestion({ type: '多选', stem: '三会', options: ['a', 'b', 'c'], answer: [2, 0] }),
    ).toMatchObject({
      ok: true,
      question: { type: 'multiple', answer: [0, 2], analysis: null, tags: [] },
    });
    expect(quizNormaliseQuestion({ type: 'judge', stem: '党费按月交纳', answer: [1] })).toEqual({
      ok: true,
      question: {
        type: 'judge',
        stem: '党费按月交纳',
        options: ['正确', '错误'],
        answer: [1],
        analysis: null,
        tags: [],
      },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'x', '题目格式错误'],
    ['an unknown type', { ...single, type: 'essay' }, '题型无效'],
    ['no stem', { ...single, stem: '  ' }, '缺少题干'],
    ['a long stem', { ...single, stem: '字'.repeat(301) }, '题干过长'],
    ['one option', { ...single, options: ['甲'] }, '至少需要 2 个选项'],
    ['seven options', { ...single, options: ['1', '2', '3', '4', '5', '6', '7'] }, '选项最多 6 个'],
    ['an empty option', { ...single, options: ['甲', ' ', '丙'] }, '选项B为空'],
    ['repeated options', { ...single, options: ['甲', '乙', '甲'] }, '选项C与选项A重复'],
    ['a long option', { ...single, options: ['甲', '乙'.repeat(121)] }, '选项B过长'],
    ['no options', { type: 'single', stem: 's', answer: [0] }, '单选题缺少选项'],
    ['no answer', { ...single, answer: [] }, '缺少答案'],
    ['a non-integer answer', { ...single, answer: ['A'] }, '答案应为选项序号'],
    ['an answer outside the options', { ...single, answer: [3] }, '答案超出选项范围：共 3 个选项（ABC）'],
    ['a repeated answer', { ...single, answer: [0, 0] }, '答案中有重复'],
    ['two answers to a single', { ...single, answer: [0, 1] }, '单选题只能有一个答案'],
    ['one answer to a multiple', { ...single, type: 'multiple' }, '多选题至少需要两个正确答案'],
    [
      'judge options other than 正确/错误',
      { type: 'judge', stem: 's', options: ['对', '错'], answer: [0] },
      '判断题的选项必须是',
    ],
    ['two answers to a judge', { type: 'judge', stem: 's', answer: [0, 1] }, '判断题只能有一个答案'],
    ['a long analysis', { ...single, analysis: '析'.repeat(601) }, '解析过长'],
    ['six tags', { ...single, tags: ['1', '2', '3', '4', '5', '6'] }, '标签最多 5 个'],
    ['a long tag', { ...single, tags: ['长'.repeat(17)] }, '过长：最多 16 字'],
    ['tags that are not text', { ...single, tags: 'abc' }, '标签应为文字列表'],
  ])('rejects %s with a message naming the problem', (_name, raw, message) => {
    const r = quizNormaliseQuestion(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('accepts judge questions that spell out 正确/错误', () => {
    expect(quizNormaliseQuestion({ type: 'judge', stem: 's', options: ['正确', '错误'], answer: [0] }).ok).toBe(true);
  });
});

describe('quizStemKey and quizQuestionId', () => {
  it('treats full-width punctuation, spaces, blanks and trailing marks as the same stem', () => {
    expect(quizStemKey(' “五个基本”是指（  ）。')).toBe(quizStemKey('"五个基本"是指()'));
    expect(quizQuestionId('“五个基本”是指（ ）。')).toBe(quizQuestionId('"五个基本" 是指()'));
    expect(quizQuestionId('“五个基本”是指（ ）。')).toMatch(/^q_[0-9a-f]{24}$/);
  });
  it('tells different stems apart', () => {
    expect(quizQuestionId('党的最高领导机关是')).not.toBe(quizQuestionId('党的最高领导机构是'));
  });
});

describe('quizIsSample', () => {
  it.each([
    [{ stem: '【示例】党员应按规定按月交纳党费。' }, true],
    [{ stem: '  【示例】带空格' }, true],
    [{ stem: '党员应按规定按月交纳党费。【示例】' }, false],
    [{ stem: 42 }, false],
    [null, false],
  ])('%p -> %p', (raw, expected) => expect(quizIsSample(raw)).toBe(expected));
});

describe('the Excel template rows', () => {
  const header = { rowNumber: 2, cells: [...QUIZ_SHEET_COLUMNS] };
  const row = (rowNumber: number, cells: unknown[]) => ({ rowNumber, cells });

  it('finds the header below a title row, also with notes in brackets', () => {
    expect(
      quizFindHeader([row(1, ['题库导入']), row(2, ['题型(单选/多选/判断)', '题 干', '选项A', '答案'])])?.columns,
    ).toEqual({ 题型: 0, 题干: 1, 选项A: 2, 答案: 3 });
    expect(quizFindHeader([row(1, ['姓名', '手机号'])])).toBeNull();
  });

  it('reads answers written in the ways people write them', () => {
    expect(quizParseAnswer('AC', 'multiple')).toEqual([0, 2]);
    expect(quizParseAnswer('a、c', 'multiple')).toEqual([0, 2]);
    expect(quizParseAnswer('Ａ，Ｄ', 'multiple')).toEqual([0, 3]);
    expect(quizParseAnswer('b', 'single')).toEqual([1]);
    expect(quizParseAnswer('对', 'judge')).toEqual([0]);
    expect(quizParseAnswer('×', 'judge')).toEqual([1]);
    expect(quizParseAnswer('错误', 'judge')).toEqual([1]);
    expect(quizParseAnswer('G', 'single')).toBeNull();
    expect(quizParseAnswer('', 'single')).toBeNull();
    expect(quizParseAnswer('也许', 'judge')).toBeNull();
  });

  it('splits tags on 、 and commas', () => {
    expect(quizSplitTags('党规党纪、七一, 党章，')).toEqual(['党规党纪', '七一', '党章']);
  });

  it('turns rows into raw questions, skipping blank rows, and names the row of each problem', () => {
    const rows = quizSheetRows([
      row(1, ['2020年七一题库']),
      header,
      row(3, ['单选', '一加一', '1', '2', '', '', '', '', 'B', '算术', '数学、基础']),
      row(4, ['', '', '']),
      row(5, ['多选', '三会', '大会', '支委会', '小组会', '', '', '', 'A,B,C', null, '']),
      row(6, ['判断', '党费按月交纳', '', '', '', '', '', '', '对']),
      row(7, ['问答', '什么是党', '', '', '', '', '', '', 'A']),
      row(8, ['单选', '缺选项', '1', '', '3', '', '', '', 'A']),
      row(9, ['单选', '答案错', '1', '2', '', '', '', '', '甲']),
      row(10, ['判断', '判断错', '', '', '', '', '', '', 'C']),
    ]);
    expect(rows).toEqual([
      {
        rowNumber: 3,
        ok: true,
        raw: {
          type: 'single',
          stem: '一加一',
          options: ['1', '2'],
          answer: [1],
          analysis: '算术',
          tags: ['数学', '基础'],
        },
      },
      {
        rowNumber: 5,
        ok: true,
        raw: {
          type: 'multiple',
          stem: '三会',
          options: ['大会', '支委会', '小组会'],
          answer: [0, 1, 2],
          analysis: null,
          tags: [],
        },
      },
      {
        rowNumber: 6,
        ok: true,
        raw: { type: 'judge', stem: '党费按月交纳', options: ['正确', '错误'], answer: [0], analysis: null, tags: [] },
      },
      { rowNumber: 7, ok: false, message: expect.stringContaining('第 7 行：题型“问答”无效') },
      { rowNumber: 8, ok: false, message: expect.stringContaining('第 8 行：选项B为空') },
      { rowNumber: 9, ok: false, message: expect.stringContaining('第 9 行：答案“甲”无法识别') },
      { rowNumber: 10, ok: false, message: expect.stringContaining('判断题填 对 或 错') },
    ]);
    // Each raw row passes the same validation as importQuestions.
    for (const r of rows as Array<{ ok: boolean; raw?: unknown }>)
      if (r.ok) expect(quizNormaliseQuestion(r.raw).ok).toBe(true);
  });

  it('reports a sheet without the template header or without the answer column', () => {
    expect(quizSheetRows([row(1, ['姓名'])])).toEqual({ error: expect.stringContaining('未找到表头') });
    expect(quizSheetRows([row(1, ['题型', '题干'])])).toEqual({ error: '表头缺少“答案”列' });
  });
});
