// Mobile numbers on the roster: normalising what people type or paste from Excel, and masking for display.

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;

/**
 * Normalises a mainland mobile number typed by a person or read from an Excel cell; null when it is not one.
 * Spaces, dashes and brackets are dropped, full-width digits are folded, and a +86 / 86 prefix is removed.
 *
 * @example identityNormalizePhone('138 0000-1234') // '13800001234'
 * @example identityNormalizePhone(13800001234)     // '13800001234' (a numeric Excel cell)
 * @example identityNormalizePhone('+86 138 0000 1234') // '13800001234'
 * @example identityNormalizePhone('1380000123')    // null (10 digits)
 */
export function identityNormalizePhone(raw: unknown): string | null {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return null;
    text = String(raw);
  } else if (typeof raw === 'string') {
    if (raw.length > 64) return null;
    text = raw;
  } else {
    return null;
  }
  text = text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
  text = text.replace(/[\s\u3000\-\u2010-\u2015()（）]/g, '');
  if (text.startsWith('+86')) text = text.slice(3);
  else if (text.length === 13 && text.startsWith('86')) text = text.slice(2);
  return /^1[3-9]\d{9}$/.test(text) ? text : null;
}

/**
 * Masks the middle four digits of an 11-digit mobile number; anything else keeps only its last two characters.
 *
 * @example identityMaskPhone('13800001234') // '138****1234'
 * @example identityMaskPhone('12345')       // '***45'
 */
export function identityMaskPhone(phone: string): string {
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-2)}`;
}
