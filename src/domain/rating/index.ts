// 微信测评 rules shared by the `rating` and `ranking` functions and the pages: scale, statistics, combination, ranks, flags.
export * from './combine';
export * from './flags';
export * from './interval';
export * from './limits';
export * from './rank';
export * from './results';
export * from './scale';
