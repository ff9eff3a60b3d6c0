// 热线节目安排: programmes with the departments on air (admins).
export default definePageConfig({ navigationBarTitleText: '热线节目安排' });
