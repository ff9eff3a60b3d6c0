// 热线: the department directory.
export default definePageConfig({ navigationBarTitleText: '热线' });
