// Masking of personal data in free text for the public board: names, phone numbers, ID-card numbers, addresses.

const FULL_WIDTH = /[０-９Ｘｘ－\u3000]/g;

/** Full-width digits, Ｘ, dash and space become ASCII first, so "１３８－…" cannot slip through. */
function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** A separator people put inside a number they write down: a space, a dash, a dot. */
const SEP = '[\\s\\-—‐.·]';
/** A mobile number written with separators anywhere: 138 1234 5678, 1381-234-5678, 138.1234.5678. */
const SPACED_MOBILE = new RegExp(`(?<!\\d)1(?:${SEP}?\\d){10}(?!\\d)`, 'g');
/** An ID-card number written in groups: 110101 19900307 1234, 110101-1990-0307-123X. */
const SPACED_ID = new RegExp(`(?<!\\d)\\d(?:${SEP}?\\d){16}${SEP}?[\\dXx](?![\\dXx])`, 'g');
/** A landline with its area code, grouped any way: 0571 8765 4321, 010-6512 3456. */
const SPACED_LANDLINE = new RegExp(`(?<!\\d)0(?:${SEP}?\\d){9,11}(?!\\d)`, 'g');
/** Any run of 7 or more digits, with a trailing X for an ID card: mobiles, IDs, landlines, bank cards. */
const LONG_NUMBER = /\d{7,}[Xx]?/g;
/** A house-level address part: 12号, 3栋, 2单元, 501室, 6号楼, 8弄, 15层, 1203户, 502房. */
const HOUSE_NUMBER = /[0-9一二三四五六七八九十百零〇]+(号楼|栋|幢|单元|室|号院|号|弄|层|户|房)/g;
/**
 * The flat number people write bare after the building, the entrance or the house: 3单元502, 6号楼1203, 2栋 3-501,
 * A座1205, 18号502.
 * Masked after HOUSE_NUMBER, so "3单元" is already "*单元" here: the star tells a house's 号 from 身份证号 or 手机号.
 */
const FLAT_AFTER_BUILDING = /(\*(?:单元|栋|幢|号)|楼|座)(\s*[-—]?\s*)([0-9]+(?:\s*[-—]\s*[0-9]+)*)/g;
/** Building-entrance-flat written with dashes after an estate or a house number: 幸福小区5-3-502, 18号3-502. */
const DASHED_FLAT = /(小区|花园|家园|公寓|新村|苑|院|里|\*号)(\s*)([0-9]+(?:\s*[-—]\s*[0-9]+)+)/g;
/** A name after a cue: 我叫张三, 姓名：李四, 联系人: 王五. */
const NAME_CUE = /(我叫|姓名|联系人|名字叫|签名)([:：\s]*)([\u4e00-\u9fa5·]{2,4})/g;

function maskDigits(run: string): string {
  const digits = run.replace(/[^0-9Xx]/g, '');
  const keepHead = digits.length >= 11 ? 3 : 2;
  const keepTail = digits.length >= 11 ? 4 : 2;
  return digits.slice(0, keepHead) + '*'.repeat(digits.length - keepHead - keepTail) + digits.slice(-keepTail);
}

/**
 * A name shown with its first character only: 张伟 -> 张*, 欧阳娜娜 -> 欧***.
 *
 * @example hotlineMaskName('张伟') // '张*'
 */
export function hotlineMaskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Masks personal data in a text for the public: every run of 7+ digits (mobiles keep 3 + 4 digits, ID numbers
 * including a final X, landlines, bank cards), mobiles, ID numbers and landlines written in groups (spaces, dashes,
 * full-width digits), house-level address parts (号, 栋, 单元, 室, 户 …) and the flat number written bare after
 * them (3单元502, 5-3-502; the street stays, so the public can see where the problem is), names after a cue
 * (我叫, 姓名, 联系人 …), and the given known names (e.g. the contact name) wherever they appear.
 *
 * @example hotlineMaskText('我叫张三，电话13812345678') // '我叫张*，电话138****5678'
 * @example hotlineMaskText('身份证110101199003071234') // '身份证110***********1234'
 * @example hotlineMaskText('幸福路12号3栋2单元501室门口') // '幸福路*号*栋*单元*室门口'
 * @example hotlineMaskText('我住幸福路18号3单元502')    // '我住幸福路*号*单元*'
 * @example hotlineMaskText('王小明反映情况', ['王小明'])  // '王**反映情况'
 */
export function hotlineMaskText(text: string, names: readonly string[] = []): string {
  let out = halfWidth(text);
  for (const name of names) {
    const n = name.trim();
    if ([...n].length >= 2) out = out.replace(new RegExp(escapeRegExp(n), 'g'), hotlineMaskName(n));
  }
  out = out.replace(SPACED_ID, maskDigits);
  out = out.replace(SPACED_MOBILE, maskDigits);
  out = out.replace(SPACED_LANDLINE, maskDigits);
  out = out.replace(LONG_NUMBER, maskDigits);
  out = out.replace(HOUSE_NUMBER, (_m, unit: string) => `*${unit}`);
  out = out.replace(DASHED_FLAT, (_m, before: string, gap: string) => `${before}${gap}*`);
  out = out.replace(FLAT_AFTER_BUILDING, (_m, unit: string, gap: string) => `${unit}${gap}*`);
  out = out.replace(NAME_CUE, (_m, cue: string, sep: string, name: string) => cue + sep + hotlineMaskName(name));
  return out;
}
