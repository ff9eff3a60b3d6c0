// Role invitations: a one-time code an admin gives to a future handler or admin, who opens it and holds the role.

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Characters of a code: 31^10 ≈ 8×10^14 codes, so guessing one of the few open invitations is hopeless. */
export const INVITE_CODE_LENGTH = 10;

/** How long an invitation stays open. */
export const INVITE_TTL_DAYS = 7;

export type InviteState = 'open' | 'used' | 'cancelled' | 'expired';

/**
 * A code from random bytes (one byte per character; the slight bias of 256 mod 31 does not matter for a
 * one-time code that expires).
 *
 * @example inviteCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])) // 'ABCDEFGHJK'
 */
export function inviteCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < INVITE_CODE_LENGTH) throw new RangeError(`need ${INVITE_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[bytes[i]! % INVITE_ALPHABET.length];
  return code;
}

/**
 * A code as people type or paste it (lower case, spaces, a dash, a whole invitation sentence around it) in its
 * stored form, or null when it cannot be one.
 *
 * @example normalizeInviteCode(' abcde-fghjk ') // 'ABCDEFGHJK'
 * @example normalizeInviteCode('邀请码：ABCDE-FGHJK，7 天内有效') // 'ABCDEFGHJK'
 * @example normalizeInviteCode('ABC') // null
 */
export function normalizeInviteCode(input: string): string | null {
  const match = input.toUpperCase().match(/[A-Z0-9]{5}[\s-]*[A-Z0-9]{5}/);
  if (!match) return null;
  const code = match[0].replace(/[\s-]/g, '');
  return [...code].every((c) => INVITE_ALPHABET.includes(c)) ? code : null;
}

/**
 * A code as it is shown and read out: two groups of five.
 *
 * @example formatInviteCode('ABCDEFGHJK') // 'ABCDE-FGHJK'
 */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Where an invitation stands at `nowMs`: a used or cancelled one stays so; an open one expires at `expiresAtMs`.
 *
 * @example inviteState({ usedBy: null, cancelled: false, expiresAtMs: 2000 }, 1000) // 'open'
 * @example inviteState({ usedBy: null, cancelled: false, expiresAtMs: 2000 }, 2000) // 'expired'
 * @example inviteState({ usedBy: 'o1', cancelled: false, expiresAtMs: 2000 }, 3000) // 'used'
 */
export function inviteState(
  invite: { usedBy: string | null; cancelled: boolean; expiresAtMs: number },
  nowMs: number,
): InviteState {
  if (invite.usedBy !== null) return 'used';
  if (invite.cancelled) return 'cancelled';
  return nowMs < invite.expiresAtMs ? 'open' : 'expired';
}
