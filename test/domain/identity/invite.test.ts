// Table tests of invitation codes: making, reading back what people type, and where an invitation stands.
import {
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  formatInviteCode,
  inviteCodeFromBytes,
  inviteState,
  normalizeInviteCode,
} from '@/domain/identity';

describe('inviteCodeFromBytes', () => {
  it('maps each byte to a character of the alphabet', () => {
    expect(inviteCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe('ABCDEFGHJK');
    expect(inviteCodeFromBytes(new Uint8Array(10).fill(255))).toBe(INVITE_ALPHABET[255 % 31]!.repeat(10));
  });

  it('never uses characters that are read as others', () => {
    const code = inviteCodeFromBytes(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(code).toHaveLength(INVITE_CODE_LENGTH);
    expect(INVITE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('refuses too few bytes', () => {
    expect(() => inviteCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
  });
});

describe('normalizeInviteCode', () => {
  it.each([
    ['ABCDEFGHJK', 'ABCDEFGHJK'],
    ['abcde-fghjk', 'ABCDEFGHJK'],
    [' ABCDE FGHJK ', 'ABCDEFGHJK'],
    ['邀请码：ABCDE-FGHJK，7 天内有效', 'ABCDEFGHJK'],
    ['ABCDE-FGHJ', null],
    ['ABCDE-FGHJ0', null],
    ['', null],
  ])('%j -> %j', (typed, expected) => {
    expect(normalizeInviteCode(typed)).toBe(expected);
  });

  it('reads back every formatted code', () => {
    const code = inviteCodeFromBytes(new Uint8Array([30, 29, 28, 27, 26, 25, 24, 23, 22, 21]));
    expect(normalizeInviteCode(formatInviteCode(code))).toBe(code);
  });
});

describe('inviteState', () => {
  it.each([
    ['open before it expires', null, false, 999, 'open'],
    ['expired at the expiry', null, false, 1000, 'expired'],
    ['cancelled', null, true, 0, 'cancelled'],
    ['used stays used after the expiry', 'o1', false, 5000, 'used'],
    ['used wins over cancelled', 'o1', true, 0, 'used'],
  ] as const)('%s', (_title, usedBy, cancelled, now, expected) => {
    expect(inviteState({ usedBy, cancelled, expiresAtMs: 1000 }, now)).toBe(expected);
  });
});
