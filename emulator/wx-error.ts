// Errors shaped like the ones wx-server-sdk throws (an Error with errCode and errMsg), so callers can branch on errCode.

export class WxApiError extends Error {
  readonly errCode: number;
  readonly errMsg: string;

  /** `api` is the SDK's name for the call, e.g. `openapi.wxacode.getUnlimited` or `downloadFile`. */
  constructor(api: string, errCode: number, detail: string) {
    const errMsg = `${api}:fail ${detail}`;
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
    this.errCode = errCode;
    this.errMsg = errMsg;
  }
}

/** Error codes the emulator raises, with the numbers WeChat uses for them. */
export const WX_ERR = {
  INVALID_PARAM: -501007,
  STORAGE_PERMISSION_DENIED: -503002,
  STORAGE_FILE_NOT_EXISTS: -503003,
  OPEN_DATA_INVALID: -604101,
  /** Open-API argument errors come back with WeChat's own positive codes. */
  INVALID_SCENE: 40169,
  INVALID_PAGE: 41030,
  DATA_FORMAT_ERROR: 47001,
  INVALID_ARGS: 40097,
  INVALID_OPENID: 40003,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_TEMPLATE_DATA: 47003,
  RISKY_CONTENT: 87014,
} as const;
