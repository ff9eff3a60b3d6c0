// 会议纪实台账 (admin subpackage): a branch's meetings of a year with the state of each 纪实.
export default definePageConfig({ navigationBarTitleText: '会议纪实' });
