// The rotating check-in code as pure functions: SHA-256/HMAC vectors, sign and verify with injected time and secret.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { base64url, hmacSha256, sha256, toHex, utf8 } from '@/domain/hash';
import {
  checkinParseScene,
  SCENE_PATTERN,
  checkinSignScene,
  CHECKIN_TOKEN_WINDOW_MS,
  checkinTokenWindow,
  checkinVerifyScene,
} from '@/domain/checkin';

const SECRET = 'k3Jd9fXq2LmN8pRt5vWy0zAb';
const ACTIVITY = 'aB3dE5fG7';
const T0 = new Date('2020-07-01T01:00:00.000Z'); // the start of a window: 1593565200000 / 20000 is whole
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('sha256 and hmacSha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('hashes %j like FIPS 180-4', (text, hex) => {
    expect(toHex(sha256(utf8(text)))).toBe(hex);
  });

  it('matches RFC 4231 test cases 1, 2 and 6 (key longer than a block)', () => {
    const key1 = new Uint8Array(20).fill(0x0b);
    expect(toHex(hmacSha256(key1, utf8('Hi There')))).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const key6 = new Uint8Array(131).fill(0xaa);
    expect(toHex(hmacSha256(key6, utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with node:crypto on random inputs, including multi-byte text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.fullUnicodeString({ maxLength: 200 }), (key, msg) => {
        const expected = createHmac('sha256', key).update(msg, 'utf8').digest('hex');
        expect(toHex(hmacSha256(utf8(key), utf8(msg)))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('encodes base64url without padding', () => {
    expect(base64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(base64url(utf8('签到'))).toBe(Buffer.from('签到').toString('base64url'));
  });
});

describe('checkinSignScene and checkinVerifyScene', () => {
  it('signs a scene that fits WeChat: at most 32 characters of its alphabet', () => {
    const { scene, expiresAt } = checkinSignScene(SECRET, ACTIVITY, at(5_000));
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).toMatch(SCENE_PATTERN);
    expect(checkinParseScene(scene)).toEqual({
      activityId: ACTIVITY,
      window: checkinTokenWindow(T0),
      signature: expect.any(String),
    });
    expect(expiresAt.getTime()).toBe(T0.getTime() + 2 * CHECKIN_TOKEN_WINDOW_MS);
  });

  it('stays within 32 characters for the longest activity id and far-future windows', () => {
    const { scene } = checkinSignScene(SECRET, 'abcdefghijkl', new Date('2199-12-31T23:59:59Z'));
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(scene).toMatch(SCENE_PATTERN);
  });

  it('accepts a scene in its own window', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(0));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(0))).toBe('ok');
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(19_999))).toBe('ok');
  });

  it('accepts a scene from the previous window (a slow phone is not punished)', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(19_000));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(20_000))).toBe('ok');
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(39_999))).toBe('ok');
  });

  it('rejects a scene two windows old as expired', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(0));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(40_000))).toBe('expired');
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(3_600_000))).toBe('expired');
  });

  it('rejects a scene from a future window (a clock that runs ahead) as expired', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(20_000));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(0))).toBe('expired');
  });

  it('rejects a scene signed with another secret', () => {
    const { scene } = checkinSignScene('another-secret', ACTIVITY, at(0));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(0))).toBe('bad-signature');
  });

  it('rejects a scene of another activity', () => {
    const { scene } = checkinSignScene(SECRET, 'zZ9yY8xX7', at(0));
    expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(0))).toBe('bad-signature');
  });

  it('rejects a moved window (an old code made to look current) as tampered, not merely expired', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(0));
    const parsed = checkinParseScene(scene)!;
    const moved = `${ACTIVITY}.${(parsed.window + 5).toString(36)}.${parsed.signature}`;
    expect(checkinVerifyScene(SECRET, ACTIVITY, moved, at(100_000))).toBe('bad-signature');
  });

  it('rejects any single changed character of the signature', () => {
    const { scene } = checkinSignScene(SECRET, ACTIVITY, at(0));
    const sig = scene.slice(scene.lastIndexOf('.') + 1);
    const head = scene.slice(0, scene.lastIndexOf('.') + 1);
    for (let i = 0; i < sig.length; i++) {
      const c = sig[i] === 'A' ? 'B' : 'A';
      expect(checkinVerifyScene(SECRET, ACTIVITY, head + sig.slice(0, i) + c + sig.slice(i + 1), at(0))).toBe(
        'bad-signature',
      );
    }
  });

  it.each(['', 'hello', 'aB3dE5fG7.1bfn4x', 'aB3dE5fG7.1bfn4x.short', 'a b.c.d', `${ACTIVITY}.ZZ.AAAAAAAAAAAA`])(
    'calls %j malformed',
    (scene) => {
      expect(checkinParseScene(scene)).toBeNull();
      expect(checkinVerifyScene(SECRET, ACTIVITY, scene, at(0))).toBe('malformed');
    },
  );

  it('refuses to sign for an id that would not fit a scene', () => {
    expect(() => checkinSignScene(SECRET, 'a_far_too_long_activity_id', at(0))).toThrow(/does not fit/);
  });
});
