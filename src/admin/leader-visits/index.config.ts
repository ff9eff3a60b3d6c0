// One leader's 领学带学督学 records and the form that records a visit (admin subpackage; the leader opens it from 我的).
export default definePageConfig({ navigationBarTitleText: '领学记录' });
