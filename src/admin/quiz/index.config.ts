// 知识竞赛管理: the way into the bank, import and competitions.
export default definePageConfig({ navigationBarTitleText: '竞赛管理' });
