// 会议纪实 (admin subpackage): one meeting's 纪实, its attendance and export.
export default definePageConfig({ navigationBarTitleText: '会议纪实' });
