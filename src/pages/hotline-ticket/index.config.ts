// 诉求详情: one ticket with its timeline and what the caller may do.
export default definePageConfig({ navigationBarTitleText: '诉求详情' });
