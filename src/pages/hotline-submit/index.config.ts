// 我要反映: the public submits an appeal.
export default definePageConfig({ navigationBarTitleText: '我要反映' });
