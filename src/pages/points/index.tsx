// 我的积分: this year's points and stars (with what the next star needs), the all-time balance, the star rule, and
// the ledger newest first, twenty entries at a time; earlier years through the year switch.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { LedgerEntry, PointsMine } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { entryNote, signedPoints, SOURCE_LABELS, starGlyphs } from '@/utils/points';
import { beijingYear, dateTimeText } from '@/utils/time';
import './index.scss';

function YearSwitch({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const latest = beijingYear(Date.now());
  return (
    <View className="points-year">
      <View className="points-year__step" ariaRole="button" ariaLabel="上一年" onClick={() => onChange(year - 1)}>
        ‹ {year - 1}
      </View>
      <Text className="points-year__now">{year} 年度</Text>
      <View
        className={`points-year__step${year >= latest ? ' points-year__step--off' : ''}`}
        ariaRole="button"
        ariaLabel="下一年"
        onClick={() => year < latest && onChange(year + 1)}
      >
        {year < latest ? `${year + 1} ›` : ''}
      </View>
    </View>
  );
}

function Summary({ mine }: { mine: PointsMine }) {
  return (
    <View className="points-hero">
      <View className="points-hero__main">
        <View className="points-hero__block">
          <Text className="points-hero__label">{mine.year} 年积分</Text>
          <Text className="points-hero__total">{mine.yearTotal}</Text>
        </View>
        <View className="points-hero__block points-hero__block--right">
          <Text className="points-hero__label">星级</Text>
          <Text className="points-hero__stars">{starGlyphs(mine.stars)}</Text>
          <Text className="points-hero__star-text">{mine.stars} 星党员</Text>
        </View>
      </View>
      <View className="points-hero__facts">
        <Text className="points-hero__fact">累计积分 {mine.balance}</Text>
        <Text className="points-hero__fact">民主评议 {mine.review ?? '尚未评议'}</Text>
      </View>
      <Text className="points-hero__next">
        {mine.toNextStar === null ? '积分已达五星标准' : `再得 ${mine.toNextStar} 分可升一星`}
      </Text>
    </View>
  );
}

function Rule({ mine }: { mine: PointsMine }) {
  return (
    <View className="card points-rule">
      <View className="card__title">评星规则</View>
      {mine.rule.rule.map((line) => (
        <Text key={line} className="points-rule__line">
          {line}
        </Text>
      ))}
    </View>
  );
}

function EntryRow({ e }: { e: LedgerEntry }) {
  const note = entryNote(e);
  return (
    <View className="points-entry">
      <View className="points-entry__main">
        <Text className="points-entry__reason">{e.reason}</Text>
        <Text className="points-entry__meta">
          {SOURCE_LABELS[e.source]} · {dateTimeText(e.at)}
        </Text>
        {note && <Text className="points-entry__note">{note}</Text>}
      </View>
      <Text className={`points-entry__points${e.points < 0 ? ' points-entry__points--minus' : ''}`}>
        {signedPoints(e.points)}
      </Text>
    </View>
  );
}

/** The ledger: the first page came with the summary; 加载更多 appends the next twenty. */
function History({ mine }: { mine: PointsMine }) {
  const [more, setMore] = useState<LedgerEntry[]>([]);
  const [page, setPage] = useState(mine.page);
  const [hasMore, setHasMore] = useState(mine.hasMore);
  const { busy, error, submit } = useSave();
  const entries = [...mine.entries, ...more];

  const loadMore = () =>
    submit(
      () => call('points', 'mine', { year: mine.year, page: page + 1 }),
      (next) => {
        setMore((m) => [...m, ...next.entries]);
        setPage(next.page);
        setHasMore(next.hasMore);
      },
    );

  return (
    <View className="card points-history">
      <View className="card__title">积分明细</View>
      {entries.length === 0 && (
        <Text className="muted points-history__empty">
          {mine.year} 年还没有积分记录。参加主题党日、“三会一课”签到，参加知识竞赛和每日一练都能得分。
        </Text>
      )}
      {entries.map((e) => (
        <EntryRow key={e.entryId} e={e} />
      ))}
      {error && <View className="form-error">{error}</View>}
      {hasMore && (
        <Button className="points-more" block fill="outline" loading={busy} disabled={busy} onClick={loadMore}>
          加载更多
        </Button>
      )}
      {!hasMore && entries.length > 0 && <Text className="card__hint points-history__end">以上是全部记录</Text>}
    </View>
  );
}

export default function PointsPage() {
  const [year, setYear] = useState(() => beijingYear(Date.now()));
  const state = useRemote(useCallback(() => call('points', 'mine', { year }), [year]));
  return (
    <PageShell>
      <YearSwitch year={year} onChange={setYear} />
      <LoadState state={state} loadingText="正在读取积分…">
        {(mine) => (
          <>
            <Summary mine={mine} />
            <History key={`${mine.year}-${mine.yearTotal}-${mine.entries[0]?.entryId ?? ''}`} mine={mine} />
            <Rule mine={mine} />
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
