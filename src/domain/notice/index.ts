// 通知公告 and 学习资料: the pure rules of the `notice` cloud function.
export * from './reading';
export * from './receipts';
export * from './files';
