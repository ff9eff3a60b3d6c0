// 现场赛主持台: running one session.
export default definePageConfig({ navigationBarTitleText: '现场赛主持台' });
