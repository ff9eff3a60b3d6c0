// Charts drawn with plain views and percentage widths: they look the same in the mini-program and H5, cost a few
// KB instead of a canvas library, scale with 大字模式, and every bar carries its value as text for older readers.
import { Text, View } from '@tarojs/components';
import './index.scss';

/** Colour of a bar: the party red by default, green for good, amber for a warning, grey for no data. */
export type BarTone = 'primary' | 'ok' | 'warn' | 'muted';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** What is written next to the bar, e.g. "18/20 人 · 90%"; the value itself when absent. */
  valueText?: string;
  tone?: BarTone;
}

const clampPct = (value: number, max: number) => (max <= 0 ? 0 : Math.max(0, Math.min(100, (value / max) * 100)));

/** The largest value, or 1 so that an all-zero chart still draws empty tracks instead of dividing by zero. */
const maxOf = (rows: readonly BarDatum[]) => Math.max(1, ...rows.map((r) => r.value));

export interface BarListProps {
  rows: readonly BarDatum[];
  /** The value of a full bar; the largest value when absent (100 for percentages). */
  max?: number;
  /** What the chart shows, read out by screen readers. */
  title: string;
  /** Shown instead of the chart when there are no rows. */
  empty?: string;
}

/**
 * Horizontal bars, one row per item with its label above the bar and its value beside it.
 * @example <BarList title="各次活动出勤率" max={100} rows={[{ key: 'a1', label: '7月主题党日', value: 90, valueText: '90%' }]} />
 */
export function BarList({ rows, max, title, empty = '暂无数据' }: BarListProps) {
  if (rows.length === 0) return <Text className="chart-empty">{empty}</Text>;
  const full = max ?? maxOf(rows);
  return (
    <View className="bar-list" ariaRole="img" ariaLabel={title}>
      {rows.map((r) => (
        <View key={r.key} className="bar-list__row">
          <Text className="bar-list__label">{r.label}</Text>
          <View className="bar-list__line">
            <View className="bar-list__track">
              <View
                className={`bar-list__bar chart-tone--${r.tone ?? 'primary'}`}
                style={{ width: `${clampPct(r.value, full)}%` }}
              />
            </View>
            <Text className="bar-list__value">{r.valueText ?? String(r.value)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

export interface ColumnChartProps {
  columns: readonly BarDatum[];
  max?: number;
  title: string;
  empty?: string;
  /** A line under the chart, e.g. the unit of the axis ("积分区间（分）"). */
  caption?: string;
}

/**
 * Vertical columns side by side, each with its value on top and its label underneath (a distribution, a histogram).
 * @example <ColumnChart title="积分分布" columns={[{ key: '0', label: '0–19', value: 3, valueText: '3人' }]} />
 */
export function ColumnChart({ columns, max, title, empty = '暂无数据', caption }: ColumnChartProps) {
  if (columns.length === 0) return <Text className="chart-empty">{empty}</Text>;
  const full = max ?? maxOf(columns);
  return (
    <View className="column-chart" ariaRole="img" ariaLabel={title}>
      <View className="column-chart__plot">
        {columns.map((c) => (
          <View key={c.key} className="column-chart__col">
            <Text className="column-chart__value">{c.valueText ?? String(c.value)}</Text>
            <View className="column-chart__well">
              <View
                className={`column-chart__bar chart-tone--${c.tone ?? 'primary'}`}
                style={{ height: `${clampPct(c.value, full)}%` }}
              />
            </View>
          </View>
        ))}
      </View>
      <View className="column-chart__axis">
        {columns.map((c) => (
          <Text key={c.key} className="column-chart__label">
            {c.label}
          </Text>
        ))}
      </View>
      {caption && <Text className="chart-caption">{caption}</Text>}
    </View>
  );
}

/**
 * One period of a cadence row: held (done), not held and over (missing), the current period not yet held (due),
 * or still to come (upcoming).
 */
export type CadenceStatus = 'done' | 'missing' | 'due' | 'upcoming';

export interface CadenceGridCell {
  key: string;
  /** How many months the cell covers: 1 for a monthly meeting, 3 for a quarterly one. */
  span: number;
  status: CadenceStatus;
  /** How many were held in the period (shown in a done cell). */
  count?: number;
  /** What the period is, for screen readers: "第一季度", "3月". */
  period: string;
}

export interface CadenceGridRow {
  key: string;
  label: string;
  /** E.g. "每月" / "每季度". */
  rule: string;
  cells: readonly CadenceGridCell[];
}

/** One character per cell: a monthly cell is only about 20 px wide on a 375-px phone. */
const STATUS_MARK: Record<CadenceStatus, string> = { done: '✓', missing: '缺', due: '待', upcoming: '' };
const STATUS_SPOKEN: Record<CadenceStatus, string> = {
  done: '已开',
  missing: '未开',
  due: '本期待开',
  upcoming: '未到',
};

export interface CadenceGridProps {
  rows: readonly CadenceGridRow[];
  title: string;
  /** Month numbers written over the columns; 1–12 by default. */
  months?: readonly string[];
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1));

/**
 * The 三会一课 year at a glance: one row per meeting kind, one column per month; a quarterly kind has one cell per
 * quarter spanning three columns. Missing periods are red, the current period still to be held is amber.
 */
export function CadenceGrid({ rows, title, months = MONTHS }: CadenceGridProps) {
  return (
    <View className="cadence" ariaRole="img" ariaLabel={title}>
      <View className="cadence__row cadence__row--head">
        <View className="cadence__label" />
        <View className="cadence__cells">
          {months.map((m) => (
            <Text key={m} className="cadence__month" style={{ width: `${100 / months.length}%` }}>
              {m}
            </Text>
          ))}
        </View>
      </View>
      {rows.map((row) => (
        <View key={row.key} className="cadence__row">
          <View className="cadence__label">
            <Text className="cadence__name">{row.label}</Text>
            <Text className="cadence__rule">{row.rule}</Text>
          </View>
          <View className="cadence__cells">
            {row.cells.map((c) => (
              <View
                key={c.key}
                className="cadence__slot"
                style={{ width: `${(100 * c.span) / months.length}%` }}
                ariaLabel={`${row.label}${c.period}${STATUS_SPOKEN[c.status]}${c.count ? `${c.count}次` : ''}`}
              >
                <View className={`cadence__cell cadence__cell--${c.status}`}>
                  <Text className="cadence__mark">
                    {c.status === 'done' && c.count && c.count > 1 ? String(c.count) : STATUS_MARK[c.status]}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="cadence__legend">
        {(['done', 'due', 'missing', 'upcoming'] as const).map((s) => (
          <View key={s} className="cadence__legend-item">
            <View className={`cadence__swatch cadence__cell--${s}`} />
            <Text className="cadence__legend-text">{STATUS_SPOKEN[s]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
