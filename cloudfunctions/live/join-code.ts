// live.joinCode: the mini-program code on the big screen that opens the player page for this session.
import type { z } from 'zod';
import type { LiveApi, liveSchemas } from '@/domain/api/live';
import { AppError } from '../../server/app-error';
import type { ActionContext } from '../../server/dispatch';
import { miniProgramCode } from '../../server/wxacode';
import { readState } from './store';

/** The player page (src/utils/live.ts LIVE_PLAY_PAGE); it reads the session id from `scene`. */
export const LIVE_PLAY_PAGE = 'live/play/index';
/** WeChat's limit on a code's scene; session ids (`lv_` + 16 characters) fit, and their characters are all allowed. */
const SCENE_MAX_CHARS = 32;

export async function joinCode(
  input: z.output<typeof liveSchemas.joinCode>,
  ctx: ActionContext,
): Promise<LiveApi['joinCode']['output']> {
  // Whoever may watch the session's state may show its code: the code carries nothing the state does not.
  await readState(ctx.db, input.sessionId);
  const scene = input.sessionId;
  if (scene.length > SCENE_MAX_CHARS)
    throw new AppError('FAILED_PRECONDITION', '这场现场赛的编号过长，无法生成小程序码');
  return { scene, page: LIVE_PLAY_PAGE, image: await miniProgramCode(scene, LIVE_PLAY_PAGE) };
}
