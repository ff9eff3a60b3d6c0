// Masking personal data for the public board: examples, and properties over generated text.
import fc from 'fast-check';
import { hotlineMaskName, hotlineMaskText } from '@/domain/hotline';

const MOBILE = /1\d{10}/;
const ID_CARD = /\d{17}[\dXx]/;

describe('hotlineMaskText', () => {
  it.each([
    ['我叫张三，电话13812345678，请回电', '我叫张*，电话138****5678，请回电'],
    ['身份证号110101199003071234', '身份证号110***********1234'],
    ['身份证11010119900307123X有误', '身份证110***********123X有误'],
    ['电话 138 1234 5678 或 138-1234-5678', '电话 138****5678 或 138****5678'],
    ['全角１３８１２３４５６７８', '全角138****5678'],
    ['座机 0571-87654321', '座机 0571-87****21'],
    ['幸福路12号3栋2单元501室门口路灯不亮', '幸福路*号*栋*单元*室门口路灯不亮'],
    ['联系人：李四 反映问题', '联系人：李* 反映问题'],
    ['姓名:欧阳娜娜', '姓名:欧***'],
    ['小区门口的路灯坏了三天', '小区门口的路灯坏了三天'],
    ['2020年7月1日下午', '2020年7月1日下午'],
  ])('%s -> %s', (text, masked) => {
    expect(hotlineMaskText(text)).toBe(masked);
  });

  it('masks known names wherever they appear', () => {
    expect(hotlineMaskText('王小明反映，王小明家门口积水', ['王小明'])).toBe('王**反映，王**家门口积水');
    expect(hotlineMaskText('无人署名', ['王'])).toBe('无人署名');
  });

  it('is idempotent', () => {
    const once = hotlineMaskText('我叫张三，电话13812345678，住幸福路12号');
    expect(hotlineMaskText(once)).toBe(once);
  });

  it('leaves no 11-digit mobile or 18-character ID number in any text', () => {
    const digit = fc.constantFrom(...'0123456789');
    const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.array(digit, { minLength: 9, maxLength: 9 })).map(([p, d]) => p + d.join(''));
    const idCard = fc.tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789Xx')).map(([d, c]) => d.join('') + c);
    const filler = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('电话', '，', ' ', '号', 'X', '-', '我叫张三', '１', '0'));
    fc.assert(
      fc.property(fc.array(fc.oneof(mobile, idCard, filler, digit), { maxLength: 12 }), (parts) => {
        const masked = hotlineMaskText(parts.join(''));
        expect(masked).not.toMatch(MOBILE);
        expect(masked).not.toMatch(ID_CARD);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves a given name in the text', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const name = fc.array(han, { minLength: 2, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(name, fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }), (n, parts) => {
        const text = parts.join(n);
        const masked = hotlineMaskText(`${text}${n}`, [n]);
        expect(masked.includes(n)).toBe(false);
      }),
    );
  });
});

describe('hotlineMaskName', () => {
  it.each([
    ['张伟', '张*'],
    ['欧阳娜娜', '欧***'],
    ['  李 ', '李*'],
    ['', ''],
  ])('%s -> %s', (n, m) => {
    expect(hotlineMaskName(n)).toBe(m);
  });
});
