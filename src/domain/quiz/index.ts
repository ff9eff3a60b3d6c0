// 知识竞赛 rules shared by the `quiz` and `ranking` functions and the pages: bank, sheet, draw, shuffle, score, ranks.
export * from './draw';
export * from './limits';
export * from './practice';
export * from './questions';
export * from './random';
export * from './rank';
export * from './reserve';
export * from './score';
export * from './sheet';
export * from './shuffle';
export * from './tally';
export * from './timing';
