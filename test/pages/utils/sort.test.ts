// The sorted tables (达标创优, 热线统计): one column's order, rows without a value last both ways, ties by name.
import type { OverviewRow } from '@/domain/api';
import type { SortKey } from '@/utils/sort';
import { sortRows } from '@/utils/sort';
import { OVERVIEW } from '../fixtures-points';

describe('sortRows', () => {
  const overview = (key: SortKey<OverviewRow>, dir: 'asc' | 'desc') =>
    sortRows(OVERVIEW.rows, key, dir).map((r) => r.orgId);

  it('puts branches without a value last in both directions', () => {
    expect(overview('compliance', 'desc')).toEqual(['org-a2', 'org-a1', 'org-b1']);
    expect(overview('compliance', 'asc')).toEqual(['org-a1', 'org-a2', 'org-b1']);
    expect(overview('averagePoints', 'asc')).toEqual(['org-a2', 'org-a1', 'org-b1']);
  });

  it('breaks ties by name and sorts names in Chinese order', () => {
    expect(overview('missingNow', 'asc')).toEqual(['org-b1', 'org-a2', 'org-a1']);
    // Pinyin order: 财 (cai) before 发 (fa), 第二 (er) before 第一 (yi).
    expect(overview('name', 'asc')).toEqual(['org-b1', 'org-a2', 'org-a1']);
    expect(overview('name', 'desc')).toEqual(['org-a1', 'org-a2', 'org-b1']);
  });

  it('keeps several rows without a value in name order at the end, and does not change its input', () => {
    const rows = [
      { name: '住建局', rate: null },
      { name: '财政局', rate: 0.5 },
      { name: '发改委', rate: null },
      { name: '教育局', rate: 0.9 },
      { name: '商务局', rate: 0.5 },
    ];
    const before = rows.map((r) => r.name);
    const names = (dir: 'asc' | 'desc') => sortRows(rows, 'rate', dir).map((r) => r.name);
    expect(names('desc')).toEqual(['教育局', '财政局', '商务局', '发改委', '住建局']);
    expect(names('asc')).toEqual(['财政局', '商务局', '教育局', '发改委', '住建局']);
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});
