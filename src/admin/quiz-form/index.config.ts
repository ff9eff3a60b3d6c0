// 新建竞赛: the competition form.
export default definePageConfig({ navigationBarTitleText: '新建竞赛' });
