// Ambient types of the mini-program build: asset modules and the TARO_APP_* settings (set them in .env files).
/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for (set by the Taro CLI; the server code never sees it). */
    TARO_ENV?: 'weapp' | 'h5';
    /**
     * The mini-program's appid. project.config.json holds WeChat's `touristappid` placeholder; set this (or edit
     * project.config.json) to the real appid before previewing on a phone or uploading.
     */
    TARO_APP_ID?: string;
    /** WeChat cloud environment id for `Taro.cloud.init`; empty means the environment the app is deployed with. */
    TARO_APP_CLOUD_ENV?: string;
    /** Base URL of the emulator's gateway for the H5 build; empty means the page's own origin. */
    TARO_APP_API_BASE?: string;
    /**
     * 民声热线 reply-notice subscribe-message template id (mp.weixin.qq.com → 订阅消息); the same id as the functions'
     * HOTLINE_REPLY_TEMPLATE_ID. Empty: the mini-program does not ask for the notice.
     */
    TARO_APP_HOTLINE_REPLY_TEMPLATE_ID?: string;
    /** 民声热线 催办提醒 template id (handlers, admins); the same id as the functions' HOTLINE_REMIND_TEMPLATE_ID. */
    TARO_APP_HOTLINE_REMIND_TEMPLATE_ID?: string;
    /** 民声热线 办理进度通知 template id (submitters); the same id as HOTLINE_PROGRESS_TEMPLATE_ID. */
    TARO_APP_HOTLINE_PROGRESS_TEMPLATE_ID?: string;
    /**
     * 通知公告 未读提醒 subscribe-message template id; the same id as the notice function's NOTICE_REMIND_TEMPLATE_ID.
     * Empty: the mini-program does not ask for the reminder.
     */
    TARO_APP_NOTICE_REMIND_TEMPLATE_ID?: string;
  }
}
