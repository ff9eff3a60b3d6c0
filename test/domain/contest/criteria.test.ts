// A competition's criteria: codes and names once each, weights adding up to 100.
import { contestCriteriaProblem } from '@/domain/contest';

const c = (key: string, name: string, weight: number) => ({ key, name, weight });

describe('contestCriteriaProblem', () => {
  it('accepts weights adding up to 100', () => {
    expect(contestCriteriaProblem([c('a', '创新性', 30), c('b', '实效性', 40), c('c', '示范性', 30)])).toBeNull();
    expect(contestCriteriaProblem([c('a', '综合', 100)])).toBeNull();
  });

  it('says what is wrong otherwise', () => {
    expect(contestCriteriaProblem([])).toBe('请至少设一个评分项');
    expect(contestCriteriaProblem([c('a', '创新性', 30), c('b', '实效性', 40)])).toBe(
      '评分项权重合计应为 100，现为 70',
    );
    expect(contestCriteriaProblem([c('a', '创新性', 60), c('b', '实效性', 60)])).toBe(
      '评分项权重合计应为 100，现为 120',
    );
    expect(contestCriteriaProblem([c('a', '创新性', 50), c('a', '实效性', 50)])).toBe('评分项代码重复');
    expect(contestCriteriaProblem([c('a', '创新性', 50), c('b', ' 创新性', 50)])).toBe('评分项“创新性”重复');
  });
});
