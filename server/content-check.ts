// WeChat's content-security check of text people write (msgSecCheck v2), one rule for every function.
import { AppError } from './app-error';
import { cloud } from './cloud';

/** `pass`: WeChat found nothing; `review`: WeChat wants it reviewed, or it could not be checked. */
export type ContentCheck = 'pass' | 'review';

/** msgSecCheck's scenes: 1 资料 (a profile or an appeal), 2 评论 (a comment). */
export type ContentScene = 'profile' | 'comment';

const SCENES: Record<ContentScene, number> = { profile: 1, comment: 2 };

interface MsgSecCheckResult {
  result?: { suggest?: unknown };
}

/**
 * Checks `content` written by `openid`. Risky text is refused with INVALID_ARGUMENT and `refusal`; text WeChat wants
 * reviewed, or that could not be checked (the API failed), is accepted as `review` for an admin to look at, so a
 * WeChat outage does not stop people from writing.
 *
 * @example await checkContent(openid, text, { scene: 'comment', refusal: '评价意见含有不适宜的内容，请修改后再提交' }) // 'pass'
 */
export async function checkContent(
  openid: string,
  content: string,
  options: { scene: ContentScene; refusal: string },
): Promise<ContentCheck> {
  let suggest: unknown;
  try {
    const params = { version: 2, scene: SCENES[options.scene], openid, content };
    // The SDK's typing describes msgSecCheck v1 (content only); v2 takes these fields.
    const res = (await cloud.openapi.security.msgSecCheck(params as never)) as MsgSecCheckResult;
    suggest = res.result?.suggest;
  } catch {
    return 'review';
  }
  if (suggest === 'risky') throw new AppError('INVALID_ARGUMENT', options.refusal);
  return suggest === 'pass' ? 'pass' : 'review';
}
