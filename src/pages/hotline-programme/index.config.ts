// 热线节目: the programmes where departments go on air, and one programme's questions and replay.
export default definePageConfig({ navigationBarTitleText: '热线节目' });
