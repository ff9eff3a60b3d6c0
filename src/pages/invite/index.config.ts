// 接受邀请: an invitation code from the admin gives the caller a role.
export default definePageConfig({ navigationBarTitleText: '接受邀请' });
