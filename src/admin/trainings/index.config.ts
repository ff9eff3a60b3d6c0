// 培训台账 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '培训台账' });
