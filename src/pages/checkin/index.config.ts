// 扫码签到: opened by the code on the secretary's screen (scene in the launch options / URL query).
export default definePageConfig({ navigationBarTitleText: '扫码签到' });
