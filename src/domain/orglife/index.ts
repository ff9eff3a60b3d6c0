// 组织生活 rules: 三会一课 会议纪实 and the 民主评议党员 ballot (pure), shared by the `orglife` function and the pages.
export * from './minutes';
export * from './ballot';
