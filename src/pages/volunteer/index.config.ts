// 志愿服务 for members: sign up, cancel, the own hours.
export default definePageConfig({ navigationBarTitleText: '志愿服务' });
