// 热线: 民声热线 entry points and the department directory.
export default definePageConfig({ navigationBarTitleText: '热线' });
