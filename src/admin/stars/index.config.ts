// 评星定级 (admin subpackage): a branch's members with points, stars and the 民主评议 the secretary enters.
export default definePageConfig({ navigationBarTitleText: '评星定级' });
