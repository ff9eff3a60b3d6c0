// 本部门诉求: a handler's queue.
export default definePageConfig({ navigationBarTitleText: '部门诉求' });
