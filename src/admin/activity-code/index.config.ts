// 签到码 (admin subpackage): the full-screen rotating code for the projector.
export default definePageConfig({
  navigationBarTitleText: '签到码',
  navigationBarBackgroundColor: '#9f1016',
  backgroundColor: '#9f1016',
});
