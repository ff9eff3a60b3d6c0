// 我的: identity, roster binding, roles and admin entries.
export default definePageConfig({ navigationBarTitleText: '我的' });
