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
    ['座机 0571-87654321', '座机 057*****4321'],
    ['座机 0571 8765 4321', '座机 057*****4321'],
    ['电话１３８－１２３４－５６７８', '电话138****5678'],
    ['电话 1381 234 5678', '电话 138****5678'],
    ['身份证 110101 19900307 123X', '身份证 110***********123X'],
    ['我住幸福路18号3单元502', '我住幸福路*号*单元*'],
    ['幸福路18号3单元 502 门口', '幸福路*号*单元 * 门口'],
    ['6号楼1203的住户', '*号楼*的住户'],
    ['和平小区5-3-502楼上漏水', '和平小区*楼上漏水'],
    ['人民路8号2-301', '人民路*号*'],
    ['A座1205', 'A座*'],
    ['1203户', '*户'],
    ['手机号13812345678，身份证号 110101-19900307-1234', '手机号138****5678，身份证号 110***********1234'],
    ['开会时间 2020-07-01 10:16', '开会时间 2020-07-01 10:16'],
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
    const mobile = fc
      .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.array(digit, { minLength: 9, maxLength: 9 }))
      .map(([p, d]) => p + d.join(''));
    const idCard = fc
      .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(...'0123456789Xx'))
      .map(([d, c]) => d.join('') + c);
    const filler = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('电话', '，', ' ', '号', 'X', '-', '我叫张三', '１', '0'),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(mobile, idCard, filler, digit), { maxLength: 12 }), (parts) => {
        const masked = hotlineMaskText(parts.join(''));
        expect(masked).not.toMatch(MOBILE);
        expect(masked).not.toMatch(ID_CARD);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no flat, house or building number of a generated address, and keeps the street', () => {
    const num = fc.integer({ min: 1, max: 2999 }).map(String);
    const street = fc.constantFrom('幸福路', '人民大道', '解放北街', '建设巷', '和平小区', '阳光花园');
    const building = fc.oneof(
      num.map((n) => `${n}号`),
      num.map((n) => `${n}号楼`),
      num.map((n) => `${n}栋`),
      num.map((n) => `${n}幢`),
      num.map((n) => `${n}单元`),
    );
    // The flat: with its unit (室, 户), bare after the building with a space or a dash, or 5-3-502 after the house.
    const flat = fc.oneof(
      fc.constant(''),
      num.map((n) => `${n}室`),
      num.map((n) => `${n}户`),
      fc.tuple(fc.constantFrom('', ' ', '-'), num).map(([g, n]) => g + n),
      fc
        .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 101, max: 3999 }))
        .map(([a, b, c]) => `${a}-${b}-${c}`),
    );
    const address = fc
      .tuple(fc.constantFrom('我住', '地址：', ''), street, fc.array(building, { minLength: 1, maxLength: 3 }), flat)
      .map(([cue, s, parts, f]) => ({ text: `${cue}${s}${parts.join('')}${f}`, street: s }));
    fc.assert(
      fc.property(address, fc.constantFrom('', '，楼道灯不亮', '门口积水三天'), ({ text, street: s }, tail) => {
        const masked = hotlineMaskText(text + tail);
        expect(masked).not.toMatch(/\d/);
        expect(masked).toContain(s);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no mobile, ID number or landline written with spaces, dashes or full-width digits', () => {
    const digit = fc.constantFrom(...'0123456789');
    const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
    const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([p, d]) => p + d);
    const id = fc.tuple(digits(17), fc.constantFrom(...'0123456789X')).map(([d, c]) => d + c);
    const landline = fc.tuple(fc.constantFrom('010', '0571', '0755'), digits(8)).map(([a, d]) => a + d);
    const fullWidth = (t: string) => t.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    // Splits a number into groups joined by one separator, as people write them down.
    const written = (n: string) =>
      fc
        .tuple(
          fc.uniqueArray(fc.integer({ min: 1, max: n.length - 1 }), { maxLength: 3 }),
          fc.constantFrom(' ', '-', '－', '\u3000', '.'),
          fc.boolean(),
        )
        .map(([cuts, sep, wide]) => {
          const at = [0, ...cuts.sort((a, b) => a - b), n.length];
          const text = at
            .slice(1)
            .map((end, i) => n.slice(at[i], end))
            .join(sep);
          return wide ? fullWidth(text) : text;
        });
    const number = fc.oneof(mobile, id, landline).chain((n) => written(n).map((text) => ({ n, text })));
    const plain = (t: string) =>
      t.replace(/[０-９Ｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9X]/g, '');
    fc.assert(
      fc.property(
        fc.constantFrom('电话', '联系方式：', '身份证号 ', ''),
        number,
        fc.constantFrom('', '，谢谢'),
        (cue, { n, text }, tail) => {
          const masked = plain(hotlineMaskText(cue + text + tail));
          expect(masked).not.toContain(n);
          // At most 7 digits of it stay visible (mobiles keep 3 + 4).
          expect(masked.replace(/X/g, '').length).toBeLessThanOrEqual(8);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never leaves a given name or a name after a cue in the text', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const name = fc.array(han, { minLength: 2, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.constantFrom('我叫', '姓名：', '联系人: '), name, (cue, n) => {
        const masked = hotlineMaskText(`${cue}${n}，反映问题`);
        expect(masked).not.toContain(n);
        expect(masked).toContain(n[0]);
      }),
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
