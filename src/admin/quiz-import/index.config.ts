// 导入题库: an Excel bank in the template's columns.
export default definePageConfig({ navigationBarTitleText: '导入题库' });
