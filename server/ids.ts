// Random document ids for records that have no natural key (members, organisations created without a slug).
import { randomBytes } from 'node:crypto';

/** `<prefix>_<16 url-safe random characters>`, e.g. `m_q3Zt0c9Xb1LwV7sA`; 96 bits, so collisions do not happen. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
