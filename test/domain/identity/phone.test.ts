// Table tests of phone normalising and masking.
import fc from 'fast-check';
import { identityMaskPhone, identityNormalizePhone } from '@/domain/identity';

describe('identityNormalizePhone', () => {
  it.each([
    ['13800001234', '13800001234'],
    [' 138 0000 1234 ', '13800001234'],
    ['138-0000-1234', '13800001234'],
    ['+86 138 0000 1234', '13800001234'],
    ['8613800001234', '13800001234'],
    ['１３８００００１２３４', '13800001234'],
    [13800001234, '13800001234'],
    ['(138)00001234', '13800001234'],
  ])('accepts %p as %p', (raw, expected) => {
    expect(identityNormalizePhone(raw)).toBe(expected);
  });

  it.each([
    ['1380000123'],
    ['138000012345'],
    ['12800001234'],
    ['23800001234'],
    ['1380000abcd'],
    [''],
    [1.38e10 + 0.5],
    [null],
    [undefined],
    [{}],
    ['1'.repeat(100_000)],
  ])('rejects %p', (raw) => {
    expect(identityNormalizePhone(raw)).toBeNull();
  });

  it('is idempotent on what it accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        expect(identityNormalizePhone(identityNormalizePhone(p))).toBe(p);
      }),
    );
  });
});

describe('identityMaskPhone', () => {
  it.each([
    ['13800001234', '138****1234'],
    ['12345', '***45'],
    ['1', '*1'],
  ])('masks %p as %p', (phone, masked) => {
    expect(identityMaskPhone(phone)).toBe(masked);
  });

  it('never shows the middle four digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = identityMaskPhone(p);
        expect(m).toHaveLength(11);
        expect(m.slice(3, 7)).toBe('****');
      }),
    );
  });
});
