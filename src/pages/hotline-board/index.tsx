// 公开答复: replied tickets whose submitters allowed it (names, phones, ID numbers and house numbers masked by the
// server), newest first, paged, searchable by keyword and filtered by category and department; and 部门统计: received, 回复率, 按期办结率, 满意率 per department as bars.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { HotlineCategory } from '@/domain/hotline/categories';
import { HOTLINE_CATEGORIES } from '@/domain/hotline/categories';
import { orgDirectory } from '@/services/session';
import { dateText } from '@/utils/time';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import type { DepartmentStatsRow, PublicTicket } from '@/domain/api';
import { useRemote, useResource } from '@/hooks/use-remote';
import { call } from '@/services/call';
import type { StatsPeriod } from '@/utils/hotline-stats';
import { PERIOD_NAMES, percent, statsPeriodMonths } from '@/utils/hotline-stats';
// The category, department and period chips are the hotline's shared ones.
import '../../components/hotline-ui/index.scss';
import './index.scss';

export { statsPeriodMonths };
export type { StatsPeriod };

interface Filter {
  keyword: string;
  category: HotlineCategory | null;
  departmentId: string | null;
}

/** 搜索 and the category and department chips; the keyword applies on 搜索 (or the keyboard's confirm). */
function FilterBar({ filter, onChange }: { filter: Filter; onChange: (f: Filter) => void }) {
  const [keyword, setKeyword] = useState(filter.keyword);
  const directory = useResource(orgDirectory).data;
  const [showDepts, setShowDepts] = useState(false);
  const apply = () => onChange({ ...filter, keyword: keyword.trim() });
  return (
    <View className="card hotline-board__filter">
      <View className="hotline-board__search">
        <View className="field__box hotline-board__search-box">
          <Input
            value={keyword}
            onChange={setKeyword}
            onConfirm={apply}
            placeholder="搜索关键词，如：路灯 维修"
            clearable
            maxLength={20}
            ariaLabel="搜索关键词"
            nativeProps={{ 'aria-label': '搜索关键词' }}
          />
        </View>
        <Button type="primary" onClick={apply}>
          搜索
        </Button>
      </View>
      <View className="hotline-chips">
        {[null, ...HOTLINE_CATEGORIES].map((c) => (
          <Text
            key={c ?? 'all'}
            className={`hotline-chip${filter.category === c ? ' hotline-chip--on' : ''}`}
            onClick={() => onChange({ ...filter, category: c })}
          >
            {c ?? '全部类别'}
          </Text>
        ))}
      </View>
      {directory && directory.departments.length > 0 && (
        <>
          <Text className="hotline-board__toggle" onClick={() => setShowDepts(!showDepts)}>
            承办部门：{directory.departments.find((d) => d.departmentId === filter.departmentId)?.name ?? '全部'}{' '}
            {showDepts ? '▴' : '▾'}
          </Text>
          {showDepts && (
            <View className="hotline-chips">
              {[null, ...directory.departments.map((d) => d.departmentId)].map((id) => (
                <Text
                  key={id ?? 'all'}
                  className={`hotline-chip${filter.departmentId === id ? ' hotline-chip--on' : ''}`}
                  onClick={() => {
                    onChange({ ...filter, departmentId: id });
                    setShowDepts(false);
                  }}
                >
                  {id ? directory.departments.find((d) => d.departmentId === id)?.name : '全部部门'}
                </Text>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  );
}

function Board() {
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<Filter>({ keyword: '', category: null, departmentId: null });
  const fetcher = useCallback(
    () =>
      call('hotline', 'publicList', {
        page,
        ...(filter.keyword ? { keyword: filter.keyword } : {}),
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
      }),
    [page, filter],
  );
  const state = useRemote(fetcher);
  const filtered = filter.keyword !== '' || filter.category !== null || filter.departmentId !== null;
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
      />
      <LoadState state={state}>
        {({ tickets, hasMore }) => (
          <>
            {tickets.length === 0 && (
              <View className="card">
                <Text className="muted">{filtered ? '没有符合条件的公开答复。' : '还没有公开的答复。'}</Text>
              </View>
            )}
            {tickets.map((t: PublicTicket) => (
              <View key={t.ticketNo} className="card hotline-board__item">
                <Text className="hotline-board__title">{t.title}</Text>
                <Text className="hotline-board__meta">
                  {t.ticketNo} · {t.category} · {dateText(t.createdAt)}
                </Text>
                <Text className="hotline-text">{t.content}</Text>
                <View className="hotline-board__reply">
                  <Text className="hotline-board__from">
                    {t.departmentName} 答复（{dateText(t.repliedAt)}）
                  </Text>
                  <Text className="hotline-text">{t.reply}</Text>
                </View>
                {t.score !== null && <Text className="hotline-board__meta">群众评价：{t.score} 分</Text>}
              </View>
            ))}
            <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </>
  );
}

function Bar({ label, value }: { label: string; value: number | null }) {
  return (
    <View className="hotline-bar">
      <Text className="hotline-bar__label">{label}</Text>
      <View className="hotline-bar__track">
        <View className="hotline-bar__fill" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </View>
      <Text className="hotline-bar__value">{percent(value)}</Text>
    </View>
  );
}

function Stats() {
  const [period, setPeriod] = useState<StatsPeriod>('all');
  const fetcher = useCallback(() => call('hotline', 'stats', statsPeriodMonths(period, Date.now()) ?? {}), [period]);
  const state = useRemote(fetcher);
  return (
    <>
      <View className="hotline-chips hotline-stats__periods">
        {(Object.keys(PERIOD_NAMES) as StatsPeriod[]).map((p) => (
          <Text
            key={p}
            className={`hotline-chip${period === p ? ' hotline-chip--on' : ''}`}
            onClick={() => setPeriod(p)}
          >
            {PERIOD_NAMES[p]}
          </Text>
        ))}
      </View>
      <LoadState state={state}>
        {({ departments, total, period: months }) => (
          <>
            <View className="card hotline-stats__total">
              <Text className="card__title">
                全部部门
                {months
                  ? `（${PERIOD_NAMES[period]}：${months.from === months.to ? months.from : `${months.from} 至 ${months.to}`}）`
                  : ''}
              </Text>
              <Text className="hotline-text">
                受理 {total.received} 件，答复 {total.replied} 件
                {total.averageReplyWorkdays !== null ? `，平均${replyTime(total.averageReplyWorkdays)}答复` : ''}
              </Text>
              <Bar label="回复率" value={total.replyRate} />
              <Bar label="按期率" value={total.onTimeRate} />
              <Bar label="满意率" value={total.satisfaction} />
              <Bar label="直接答复率" value={total.directRate} />
              <Bar label="重复诉求率" value={total.duplicateRate} />
              <Bar label="回访率" value={total.visitRate} />
              <Bar label="解决率" value={total.solveRate} />
              <LoopCounts row={total} />
            </View>
            {departments.map((d: DepartmentStatsRow) => (
              <View key={d.departmentId} className="card hotline-stats__dept">
                <Text className="card__title">{d.name}</Text>
                <Text className="hotline-board__meta">
                  受理 {d.received} · 答复 {d.replied}
                  {d.averageReplyWorkdays !== null ? ` · 平均${replyTime(d.averageReplyWorkdays)}答复` : ''}
                  {d.averageScore !== null ? ` · 平均 ${d.averageScore} 分` : ''}
                </Text>
                <Bar label="回复率" value={d.replyRate} />
                <Bar label="按期率" value={d.onTimeRate} />
                <Bar label="满意率" value={d.satisfaction} />
                <Bar label="直接答复率" value={d.directRate} />
                <Bar label="重复诉求率" value={d.duplicateRate} />
                <Bar label="回访率" value={d.visitRate} />
                <Bar label="解决率" value={d.solveRate} />
                <LoopCounts row={d} />
              </View>
            ))}
          </>
        )}
      </LoadState>
    </>
  );
}

/** 退单, 延期 and 通报 counts of the 12345 loop, shown when any happened. */
function LoopCounts({ row }: { row: Pick<DepartmentStatsRow, 'returned' | 'extended' | 'reported'> }) {
  if (row.returned + row.extended + row.reported === 0) return null;
  return (
    <Text className="hotline-board__meta">
      退单 {row.returned} · 延期 {row.extended} · 超期通报 {row.reported}
    </Text>
  );
}

/** The average reply time: "0 个工作日" (answered the day it came, which workdays do not count) said as people do. */
export function replyTime(workdays: number): string {
  return workdays < 1 ? '不到 1 个工作日' : ` ${workdays} 个工作日`;
}

export default function HotlineBoardPage() {
  const [tab, setTab] = useState<'board' | 'stats'>('board');
  return (
    <PageShell>
      <View className="hotline-tabs">
        <Text className={`hotline-tab${tab === 'board' ? ' hotline-tab--on' : ''}`} onClick={() => setTab('board')}>
          公开答复
        </Text>
        <Text className={`hotline-tab${tab === 'stats' ? ' hotline-tab--on' : ''}`} onClick={() => setTab('stats')}>
          部门统计
        </Text>
      </View>
      {tab === 'board' ? <Board /> : <Stats />}
    </PageShell>
  );
}
