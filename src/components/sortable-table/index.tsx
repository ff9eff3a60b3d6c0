// A table sorted by any column (达标创优, 热线统计): tap a head to sort by it, again to reverse; the head says the
// order to screen readers (aria-sort) and with an arrow; the first column names the row. The table is wider than a
// phone: it scrolls sideways under a hint, and the page's styles (`@include sortable-table(block ...)`, in
// ./_sortable-table.scss) keep the name column in view and size the columns.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { SortDir, SortKey } from '@/utils/sort';
import { sortRows } from '@/utils/sort';

export interface SortableColumn<R> {
  key: SortKey<R>;
  label: string;
  /** The first tap sorts this way: the most telling first (best rate, most received, fewest missing). */
  first: SortDir;
  format: (row: R) => string;
  /** Whether this cell is bad news (drawn red and bold). */
  bad?: (row: R) => boolean;
}

export interface SortableTableProps<R extends { name: string }> {
  /** The class prefix of the page's table: `hs` gives .hs-table, .hs-tr, .hs-th, .hs-td, .hs-col--<key> … */
  block: string;
  /** The first column is the row's name (a row header). */
  columns: readonly SortableColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  initialSort: { key: SortKey<R>; dir: SortDir };
  /** The table's name for screen readers. */
  label: string;
  /** The scroller's name for screen readers. */
  scrollLabel: string;
  /** Said before "表格较宽，左右滑动…" (e.g. how to sort, when the page does not say it elsewhere). */
  hintLead?: string;
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** A last row (合计), not sorted. */
  total?: R;
  onRow?: (row: R) => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function SortableTable<R extends { name: string }>({
  block: b,
  columns,
  rows,
  rowKey,
  initialSort,
  label,
  scrollLabel,
  hintLead = '',
  empty,
  total,
  onRow,
}: SortableTableProps<R>) {
  const [sort, setSort] = useState(initialSort);
  if (rows.length === 0) return <Text className="muted">{empty}</Text>;
  const tap = (c: SortableColumn<R>) =>
    setSort((s) =>
      s.key === c.key ? { key: c.key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: c.key, dir: c.first },
    );
  const row = (r: R, key: string, modifier = '') => (
    <View
      key={key}
      className={`${b}-tr${modifier}`}
      ariaRole="row"
      onClick={onRow && !modifier ? () => onRow(r) : undefined}
    >
      {columns.map((c, i) => (
        <View
          key={String(c.key)}
          ariaRole={i === 0 ? 'rowheader' : 'cell'}
          className={`${b}-td ${b}-col--${String(c.key)}${c.bad?.(r) ? ` ${b}-td--bad` : ''}`}
        >
          {c.format(r)}
        </View>
      ))}
    </View>
  );
  return (
    <>
      <Text className={`${b}-scroll-hint`}>
        {hintLead}表格较宽，左右滑动可看全部 {columns.length} 列 →
      </Text>
      <View className={`${b}-scroll`} tabindex="0" ariaRole="region" ariaLabel={scrollLabel}>
        <View className={`${b}-table`} ariaRole="table" ariaLabel={label}>
          <View className={`${b}-tr ${b}-tr--head`} ariaRole="row">
            {columns.map((c) => {
              const on = sort.key === c.key;
              return (
                <View
                  key={String(c.key)}
                  className={`${b}-th ${b}-col--${String(c.key)}${on ? ` ${b}-th--on` : ''}`}
                  ariaRole="columnheader"
                  ariaSort={on ? ARIA_SORT[sort.dir] : 'none'}
                  ariaLabel={`按${c.label}排序`}
                  onClick={() => tap(c)}
                >
                  <Text className={`${b}-th__text`}>{c.label}</Text>
                  <Text className={`${b}-th__arrow`}>{on ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}</Text>
                </View>
              );
            })}
          </View>
          {sortRows(rows, sort.key, sort.dir).map((r) => row(r, rowKey(r)))}
          {total && row(total, 'total', ` ${b}-tr--total`)}
        </View>
      </View>
    </>
  );
}
