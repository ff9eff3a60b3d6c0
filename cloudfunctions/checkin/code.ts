// checkin.qrToken and checkin.qrImage: the rotating code for the secretary's screen.
import type { z } from 'zod';
import type { CheckinApi, checkinSchemas } from '@/domain/api/checkin';
import { checkinSignScene, CHECKIN_TOKEN_WINDOW_MS } from '@/domain/checkin';
import { AppError } from '../../server/app-error';
import type { ActionContext } from '../../server/dispatch';
import { miniProgramCode } from '../../server/wxacode';
import { managedActivity } from './activities';
import { shanghaiIso } from '../../server/time';

/** The page a code opens; `scene` travels next to it (getUnlimited) or as its query (H5). */
export const CHECKIN_PAGE = 'pages/checkin/index';

async function token(ctx: ActionContext, activityId: string): Promise<CheckinApi['qrToken']['output']> {
  const activity = await managedActivity(ctx, activityId);
  if (activity.cancelled) throw new AppError('FAILED_PRECONDITION', '培训班已取消，签到码已停用');
  const now = new Date();
  if (now.getTime() > activity.endAt.getTime()) throw new AppError('FAILED_PRECONDITION', '活动已结束，签到码已停用');
  const { scene, expiresAt } = checkinSignScene(activity.secret, activity.activityId, now);
  return { scene, path: `${CHECKIN_PAGE}?scene=${encodeURIComponent(scene)}`, expiresAt: shanghaiIso(expiresAt) };
}

export function qrToken(
  input: z.output<typeof checkinSchemas.qrToken>,
  ctx: ActionContext,
): Promise<CheckinApi['qrToken']['output']> {
  return token(ctx, input.activityId);
}

export async function qrImage(
  input: z.output<typeof checkinSchemas.qrImage>,
  ctx: ActionContext,
): Promise<CheckinApi['qrImage']['output']> {
  const t = await token(ctx, input.activityId);
  const image = await miniProgramCode(t.scene, CHECKIN_PAGE);
  return { ...t, image, refreshMs: CHECKIN_TOKEN_WINDOW_MS };
}
