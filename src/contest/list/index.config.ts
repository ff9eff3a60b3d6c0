// 创新创优 competitions (contest subpackage): the list anyone may open.
export default definePageConfig({ navigationBarTitleText: '创新创优' });
