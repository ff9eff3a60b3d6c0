// 换届选举台账 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '换届台账' });
