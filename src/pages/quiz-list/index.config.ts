// 知识竞赛: the competitions a member can take, with the own attempts and best score.
export default definePageConfig({ navigationBarTitleText: '知识竞赛' });
