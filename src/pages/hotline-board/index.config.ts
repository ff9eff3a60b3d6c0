// 公开答复: the public board and the department statistics.
export default definePageConfig({ navigationBarTitleText: '公开答复' });
