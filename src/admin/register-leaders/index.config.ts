// 领学带学督学台账 (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '领学台账' });
