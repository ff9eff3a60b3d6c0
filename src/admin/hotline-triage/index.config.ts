// 诉求分办: the admin's triage list.
export default definePageConfig({ navigationBarTitleText: '诉求分办' });
