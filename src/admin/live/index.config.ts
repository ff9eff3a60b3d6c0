// 现场赛: the host's list of sessions and the create form.
export default definePageConfig({ navigationBarTitleText: '现场赛' });
