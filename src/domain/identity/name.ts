// People's names on the roster: one normal form, so that "张 伟" from a padded Excel cell matches "张伟".

/** Longest name the roster keeps (matches the `bind` input schema). */
export const NAME_MAX_LENGTH = 32;

// A space between two CJK characters (U+3400-U+9FFF, U+F900-U+FAFF). No lookbehind: the domain also runs in the
// mini-program, and iOS before 16.4 cannot parse it. A literal, so that a function bundle importing the identity index
// for something else leaves it out.
const SPACE_BETWEEN_CJK = /([\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])/g;
/** Dots people use inside minority names (阿卜杜·热合曼); folded to the middle dot U+00B7. */
const NAME_DOTS = /[\u2022\u2027\u30FB\uFF0E\u2219\u22C5\u0387.．]/g;

/**
 * Normalises a person's name; null when it is empty, too long or not text.
 * Whitespace between Chinese characters is removed, other runs collapse to one space, dots become "·".
 *
 * @example identityNormalizeName(' 张\u3000伟 ')   // '张伟'
 * @example identityNormalizeName('阿卜杜•热合曼')   // '阿卜杜·热合曼'
 * @example identityNormalizeName('')               // null
 */
export function identityNormalizeName(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 256) return null;
  const name = raw
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '$1')
    .replace(NAME_DOTS, '·');
  if (!name || name.length > NAME_MAX_LENGTH) return null;
  return name;
}

/**
 * Whether two names are the same person's name after normalising both.
 *
 * @example identityNamesMatch('张 伟', '张伟') // true
 * @example identityNamesMatch('张伟', '张玮') // false
 */
export function identityNamesMatch(a: unknown, b: unknown): boolean {
  const x = identityNormalizeName(a);
  return x !== null && x === identityNormalizeName(b);
}
