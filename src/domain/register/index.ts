// 台账 registers: the pure rules of the `register` cloud function.
export * from './term';
export * from './leader';
export * from './volunteer';
export * from './training';
