// One 创新创优 competition (contest subpackage): entries, the public vote, the unit's entry, published results.
export default definePageConfig({ navigationBarTitleText: '创新创优' });
