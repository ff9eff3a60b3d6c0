// 创新创优竞赛 and 效能典型案例评比: the calendar, units and ids (rules) and the scoring and ranking of entries.
export * from './rules';
export * from './scoring';
