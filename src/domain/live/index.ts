// 现场赛 rules: phases, scoring, 抢答 arbitration and standings (pure; the `live` function stores and times them).
export * from './phases';
export * from './scoring';
export * from './arbitration';
export * from './ranking';
