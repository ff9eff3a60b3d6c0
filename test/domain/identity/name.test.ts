// Table tests of name normalising and matching.
import { identityNamesMatch, identityNormalizeName } from '@/domain/identity';

describe('identityNormalizeName', () => {
  it.each([
    ['张伟', '张伟'],
    [' 张伟 ', '张伟'],
    ['张 伟', '张伟'],
    ['张\u3000伟', '张伟'],
    ['欧阳 晓 东', '欧阳晓东'],
    ['阿卜杜•热合曼', '阿卜杜·热合曼'],
    ['阿卜杜・热合曼', '阿卜杜·热合曼'],
    ['阿卜杜.热合曼', '阿卜杜·热合曼'],
    ['John  Smith', 'John Smith'],
    ['x'.repeat(32), 'x'.repeat(32)],
  ])('normalises %p to %p', (raw, expected) => {
    expect(identityNormalizeName(raw)).toBe(expected);
  });

  it.each([[''], ['   '], ['x'.repeat(33)], ['x'.repeat(100_000)], [null], [42], [['张伟']]])('rejects %p', (raw) => {
    expect(identityNormalizeName(raw)).toBeNull();
  });
});

describe('identityNamesMatch', () => {
  it.each([
    ['张伟', '张 伟', true],
    ['张伟', '张玮', false],
    ['', '', false],
    ['阿依古丽·买买提', '阿依古丽•买买提', true],
  ])('%p vs %p -> %p', (a, b, expected) => {
    expect(identityNamesMatch(a, b)).toBe(expected);
  });
});
