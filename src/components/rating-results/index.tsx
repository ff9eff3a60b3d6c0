// The result table of a 测评 campaign: the formula, a bar chart of the combined scores, and ranked rows with each
// department's sources and indicators (mean and 95% interval). Used by the public results page and the admin page.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RatingResults } from '@/domain/api';
import type { ResultRow } from '@/domain/api/rating';
import { RATING_SOURCE_LABELS, RATING_SOURCES } from '@/domain/rating';
import { dateTimeText } from '@/utils/time';
import './index.scss';

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** Horizontal bars (plain views: they draw the same in the mini-program and H5). */
export function ScoreChart({ rows }: { rows: ResultRow[] }) {
  // Only ranked departments: a 样本不足 score from a handful of ratings must not look like a result.
  const shown = rows.filter((r) => r.rank !== null && r.score !== null);
  if (shown.length === 0) return <Text className="muted">尚无达到最低样本量的部门。</Text>;
  return (
    <View className="rating-chart" ariaRole="img" ariaLabel="综合得分柱状图">
      {shown.map((r) => (
        <View key={r.departmentId} className="rating-chart__row">
          <Text className="rating-chart__name">{r.name}</Text>
          <View className="rating-chart__track">
            <View
              className="rating-chart__bar"
              style={{ width: `${Math.max(2, Math.min(100, r.score as number))}%` }}
            />
          </View>
          <Text className="rating-chart__value">{fmt(r.score)}</Text>
        </View>
      ))}
      {shown.length < rows.length && <Text className="rating-chart__note">样本不足的部门不列入图表。</Text>}
    </View>
  );
}

function Row({ row, showMissing }: { row: ResultRow; showMissing: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="rating-row" onClick={() => setOpen(!open)}>
      <View className="rating-row__head">
        <Text className={`rating-row__rank${row.rank === null ? ' rating-row__rank--none' : ''}`}>
          {row.rank ?? '—'}
        </Text>
        <View className="rating-row__main">
          <Text className="rating-row__name">{row.name}</Text>
          <Text className="rating-row__meta">
            {RATING_SOURCES.map((s) => `${RATING_SOURCE_LABELS[s]} ${fmt(row.sources[s])}`).join(' · ')}
          </Text>
          <Text className="rating-row__meta">
            {row.votes} 人评价{row.sufficient ? '' : ' · 样本不足，不参与排名'}
            {showMissing && row.missing.length > 0
              ? ` · 缺${row.missing.map((s) => RATING_SOURCE_LABELS[s]).join('、')}`
              : ''}
          </Text>
        </View>
        <Text className="rating-row__score">{row.sufficient ? fmt(row.score) : '样本不足'}</Text>
      </View>
      {open && (
        <View className="rating-row__detail">
          {row.indicators.map((i) => (
            <View key={i.key} className="rating-row__ind">
              <Text className="rating-row__ind-name">{i.name}</Text>
              <Text className="rating-row__ind-value">
                {i.n} 人 · 平均 {fmt(i.mean)}
                {i.low !== null && i.high !== null ? ` · 95%区间 ${fmt(i.low)}–${fmt(i.high)}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

export interface RatingResultsViewProps {
  results: RatingResults;
  /** Admins see which sources are still missing per department. */
  showMissing?: boolean;
}

export function RatingResultsView({ results, showMissing = false }: RatingResultsViewProps) {
  return (
    <>
      <View className="card">
        <View className="card__title">综合得分</View>
        <ScoreChart rows={results.rows} />
      </View>
      <View className="card">
        <View className="card__title">排名</View>
        <Text className="muted">点按部门查看各项指标的平均分与 95% 区间。</Text>
        {results.rows.map((r) => (
          <Row key={r.departmentId} row={r} showMissing={showMissing} />
        ))}
      </View>
      <View className="card rating-formula">
        <View className="card__title">计算方法</View>
        {results.formula.map((line) => (
          <Text key={line} className="rating-formula__line">
            {line}
          </Text>
        ))}
        <Text className="rating-formula__note">
          评价等级折算：很满意 100、满意 75、基本满意 50、不满意 25、很不满意 0；每项指标取平均分。 微信测评少于{' '}
          {results.minVotes} 人的部门显示“样本不足”，不参与排名；得分相同名次相同。
          某部门缺少明察暗访或第三方得分时，按其余来源的权重折算。
        </Text>
        <Text className="rating-formula__note">
          共 {results.totalVotes} 人次评价
          {results.computedAt ? `，统计于 ${dateTimeText(results.computedAt)}` : '，尚未统计'}。
        </Text>
      </View>
    </>
  );
}
