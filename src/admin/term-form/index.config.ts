// One organisation's term and elections (admin subpackage).
export default definePageConfig({ navigationBarTitleText: '任期与换届' });
