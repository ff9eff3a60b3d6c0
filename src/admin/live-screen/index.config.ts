// 现场赛大屏: the projector page, landscape, without the navigation bar.
export default definePageConfig({
  navigationBarTitleText: '现场赛大屏',
  navigationStyle: 'custom',
  pageOrientation: 'landscape',
});
