// The rotating check-in code: `<activityId>.<window>.<signature>`, HMAC-signed with the activity's own secret, short
// enough for WeChat's 32-character `scene`. A window lasts 20 s; the current and the previous window are accepted.
import { base64url, hmacSha256, utf8 } from '../hash';

/** How long one code is shown before the next one replaces it. */
export const CHECKIN_TOKEN_WINDOW_MS = 20_000;
/** A code is accepted in its own window and the next one (a slow phone is not punished): up to 40 s. */
export const CHECKIN_TOKEN_ACCEPTED_WINDOWS = 2;
/** The signature is the first 9 bytes of the HMAC (72 bits), 12 base64url characters. */
const SIGNATURE_BYTES = 9;
/** WeChat's `scene`: at most 32 of these characters. */
export const SCENE_PATTERN = /^[A-Za-z0-9!#$&'()*+,/:;=?@._~-]{1,32}$/;
/** Activity ids that fit in a scene next to the window and the signature. */
export const ACTIVITY_ID_PATTERN = /^[A-Za-z0-9_-]{4,12}$/;

export interface ParsedScene {
  activityId: string;
  window: number;
  signature: string;
}

/**
 * The window number of a time: whole 20-second steps since 1970.
 *
 * @example checkinTokenWindow(new Date('2020-07-01T01:00:10Z')) // 79675803
 */
export function checkinTokenWindow(now: Date): number {
  return Math.floor(now.getTime() / CHECKIN_TOKEN_WINDOW_MS);
}

function sign(secret: string, activityId: string, window: number): string {
  return base64url(hmacSha256(utf8(secret), utf8(`${activityId}.${window}`)).slice(0, SIGNATURE_BYTES));
}

/**
 * The scene for an activity at `now`, and when it stops being accepted.
 *
 * @example checkinSignScene('s3cret', 'aB3dE5fG7', new Date('2020-07-01T01:00:10Z')).scene // 'aB3dE5fG7.1bfn4x.…' (≤ 32 chars)
 */
export function checkinSignScene(secret: string, activityId: string, now: Date): { scene: string; expiresAt: Date } {
  if (!ACTIVITY_ID_PATTERN.test(activityId)) throw new Error(`activity id does not fit a scene: ${activityId}`);
  const window = checkinTokenWindow(now);
  const scene = `${activityId}.${window.toString(36)}.${sign(secret, activityId, window)}`;
  return { scene, expiresAt: new Date((window + CHECKIN_TOKEN_ACCEPTED_WINDOWS) * CHECKIN_TOKEN_WINDOW_MS) };
}

/**
 * Splits a scene into its parts without checking the signature; null when it is not a scene of ours.
 * WeChat hands the scene to the page URL-encoded; callers decode it first.
 *
 * @example checkinParseScene('aB3dE5fG7.1bfn4x.AAAAAAAAAAAA')?.activityId // 'aB3dE5fG7'
 * @example checkinParseScene('hello') // null
 */
export function checkinParseScene(scene: string): ParsedScene | null {
  if (!SCENE_PATTERN.test(scene)) return null;
  const parts = scene.split('.');
  if (parts.length !== 3) return null;
  const [activityId, w, signature] = parts;
  if (!ACTIVITY_ID_PATTERN.test(activityId) || !/^[0-9a-z]{1,10}$/.test(w) || !/^[A-Za-z0-9_-]{12}$/.test(signature))
    return null;
  return { activityId, window: parseInt(w, 36), signature };
}

export type SceneCheck = 'ok' | 'malformed' | 'bad-signature' | 'expired';

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Checks a scene for one activity at `now`: the signature first (a forged or altered code is `bad-signature`
 * whatever its window), then the window (`expired` outside the current and the previous one).
 *
 * @example checkinVerifyScene('s3cret', 'aB3dE5fG7', scene, now) // 'ok' for a scene signed at now or up to 20 s before
 */
export function checkinVerifyScene(secret: string, activityId: string, scene: string, now: Date): SceneCheck {
  const parsed = checkinParseScene(scene);
  if (!parsed) return 'malformed';
  if (parsed.activityId !== activityId) return 'bad-signature';
  if (!sameText(parsed.signature, sign(secret, activityId, parsed.window))) return 'bad-signature';
  const age = checkinTokenWindow(now) - parsed.window;
  return age >= 0 && age < CHECKIN_TOKEN_ACCEPTED_WINDOWS ? 'ok' : 'expired';
}
