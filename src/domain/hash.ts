// SHA-256 and HMAC-SHA256 for the check-in token signing and the quiz question ids, from @noble/hashes (audited, pure
// JavaScript, no node:crypto), so that signing stays in the pure domain; plus the byte helpers the callers need.
import { hmac } from '@noble/hashes/hmac';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/**
 * UTF-8 bytes of a string (no TextEncoder: the domain also runs where it is missing).
 *
 * @example utf8('签') // Uint8Array [0xe7, 0xad, 0xbe]
 */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/**
 * The SHA-256 digest (32 bytes) of `data`.
 *
 * @example toHex(sha256(utf8('abc'))) // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/**
 * HMAC-SHA256 (32 bytes) of `message` under `key`.
 *
 * @example toHex(hmacSha256(utf8('key'), utf8('The quick brown fox jumps over the lazy dog'))).slice(0, 8) // 'f7bc83f4'
 */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(nobleSha256, key, message);
}

/** @example toHex(Uint8Array.of(1, 255)) // '01ff' */
export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url without padding. @example base64url(Uint8Array.of(0xfb, 0xff)) // '-_8' */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += B64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}
