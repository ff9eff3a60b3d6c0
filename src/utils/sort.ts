// The order of a table sorted by one of its columns (达标创优, 热线统计): by name in Chinese order, or by a number
// with the rows that have none yet last in either direction.

export type SortDir = 'asc' | 'desc';

/** The keys of R whose values are numbers (or null: no value yet): the columns a table sorts by value. */
export type NumberKey<R> = { [K in keyof R]-?: R[K] extends number | null ? K : never }[keyof R];

/** A column a table of R can be sorted by: the name, or a number. */
export type SortKey<R> = 'name' | NumberKey<R>;

/**
 * The rows sorted by one column; rows without a value (null) go last in either direction, and ties keep the name
 * order (zh-CN: pinyin) so that the table does not jump about.
 *
 * @example sortRows([{ name: '乙', n: 1 }, { name: '甲', n: null }, { name: '丙', n: 1 }], 'n', 'desc')
 *   // 丙 (bing), 乙 (yi), 甲 (no value)
 */
export function sortRows<R extends { name: string }>(rows: readonly R[], key: SortKey<R>, dir: SortDir): R[] {
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: R, b: R) => a.name.localeCompare(b.name, 'zh-CN');
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key] as number | null;
    const y = b[key] as number | null;
    if (x === null && y === null) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}
