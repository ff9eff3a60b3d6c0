// 热线统计 (admins): every department's 受理量, 按时办结率, 解决率, 回访率, 重复诉求率, 直接答复率, 退单数, 延期数 and
// 通报数 for 全部 / 本月 / 本季度 / 本年 or months picked, in a table sorted by any column (tap its head, again to
// reverse), with the total and 导出 Excel (the monthly report); and 超期通报, the tickets 5 or more working days late,
// paged, each opening 诉求详情.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { HotlineApi, ReportedTicket } from '@/domain/api';
import { HOTLINE_PAGES } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { SortableColumn } from '@/components/sortable-table';
import { SortableTable } from '@/components/sortable-table';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import type { StatsPeriod } from '@/utils/hotline-stats';
import {
  monthSpan,
  PERIOD_NAMES,
  percent,
  periodText,
  recentMonths,
  STATS_MAX_MONTHS,
  statsPeriodMonths,
} from '@/utils/hotline-stats';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { plainOptions, SelectField } from '../shared/select-field';
import './index.scss';

type StatsOutput = HotlineApi['stats']['output'];

type Row = StatsOutput['departments'][number];

const COLUMNS: SortableColumn<Row>[] = [
  { key: 'name', label: '部门', first: 'asc', format: (r) => r.name },
  { key: 'received', label: '受理量', first: 'desc', format: (r) => String(r.received) },
  { key: 'onTimeRate', label: '按时办结率', first: 'desc', format: (r) => percent(r.onTimeRate) },
  { key: 'solveRate', label: '解决率', first: 'desc', format: (r) => percent(r.solveRate) },
  { key: 'visitRate', label: '回访率', first: 'desc', format: (r) => percent(r.visitRate) },
  { key: 'duplicateRate', label: '重复诉求率', first: 'desc', format: (r) => percent(r.duplicateRate) },
  { key: 'directRate', label: '直接答复率', first: 'desc', format: (r) => percent(r.directRate) },
  { key: 'returned', label: '退单数', first: 'desc', format: (r) => String(r.returned) },
  { key: 'extended', label: '延期数', first: 'desc', format: (r) => String(r.extended) },
  { key: 'reported', label: '通报数', first: 'desc', format: (r) => String(r.reported), bad: (r) => r.reported > 0 },
];

type Choice = StatsPeriod | 'custom';
type Query = { from: string; to: string } | null;

/** The period chips and, for 自选月份, the first and last month (the server counts at most 12). */
function PeriodPicker({ onQuery }: { onQuery: (q: Query | string) => void }) {
  const [choice, setChoice] = useState<Choice>('month');
  const months = recentMonths(Date.now(), 24);
  const [from, setFrom] = useState(months[2]);
  const [to, setTo] = useState(months[0]);
  const custom = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    const span = monthSpan(f, t);
    onQuery(
      span === 0
        ? '起始月份不能晚于结束月份'
        : span > STATS_MAX_MONTHS
          ? `统计期间最长 ${STATS_MAX_MONTHS} 个月`
          : { from: f, to: t },
    );
  };
  const pick = (c: Choice) => {
    setChoice(c);
    if (c === 'custom') custom(from, to);
    else onQuery(statsPeriodMonths(c, Date.now()));
  };
  const options = plainOptions(months);
  return (
    <View className="card hotline-stats__period">
      <View className="hotline-chips" ariaRole="radiogroup" ariaLabel="统计期间">
        {([...(Object.keys(PERIOD_NAMES) as StatsPeriod[]), 'custom'] as Choice[]).map((c) => (
          <View
            key={c}
            className={`hotline-chip${choice === c ? ' hotline-chip--on' : ''}`}
            ariaRole="radio"
            ariaChecked={choice === c ? 'true' : 'false'}
            onClick={() => pick(c)}
          >
            {c === 'custom' ? '自选月份' : PERIOD_NAMES[c]}
          </View>
        ))}
      </View>
      {choice === 'custom' && (
        <View className="hotline-stats__months">
          <SelectField label="起始月份" options={options} value={from} onChange={(f) => custom(f, to)} />
          <SelectField label="结束月份" options={options} value={to} onChange={(t) => custom(from, t)} />
        </View>
      )}
    </View>
  );
}

function Table({ data }: { data: StatsOutput }) {
  return (
    <SortableTable
      block="hs"
      columns={COLUMNS}
      rows={data.departments}
      rowKey={(d) => d.departmentId}
      initialSort={{ key: 'received', dir: 'desc' }}
      label={`各部门办理情况（${periodText(data.period)}）`}
      scrollLabel="各部门办理情况表，可左右滑动"
      hintLead="点按表头排序，再点一次反向；"
      empty="尚未录入部门。"
      total={{ ...data.total, departmentId: 'total', name: '合计' }}
    />
  );
}

function Stats() {
  const [query, setQuery] = useState<Query | string>(() => statsPeriodMonths('month', Date.now()));
  const exporting = useSave({ errorToast: true });
  const invalid = typeof query === 'string' ? query : null;
  /** What the server is asked: the months from..to, or {} for all time. */
  const input = typeof query === 'string' ? null : (query ?? {});
  const fetcher = useCallback(() => call('hotline', 'stats', typeof query === 'string' ? {} : (query ?? {})), [query]);
  const doExport = () =>
    input &&
    exporting.submit(
      () => call('hotline', 'statsExport', input),
      (out) => openExport(out.url, out.fileName),
    );
  return (
    <>
      <PeriodPicker onQuery={setQuery} />
      {invalid ? (
        <View className="card">
          <View className="hs-error" ariaRole="alert">
            {invalid}
          </View>
        </View>
      ) : (
        <StatsCard fetcher={fetcher} exporting={exporting.busy} onExport={doExport} />
      )}
    </>
  );
}

function StatsCard({
  fetcher,
  exporting,
  onExport,
}: {
  fetcher: () => Promise<StatsOutput>;
  exporting: boolean;
  onExport: () => void;
}) {
  const state = useRemote(fetcher);
  return (
    <LoadState state={state} loadingText="正在统计各部门办理情况…">
      {(data) => (
        <View className="card">
          <Text className="card__title">统计期间：{periodText(data.period)}</Text>
          <Table data={data} />
          <Text className="card__hint hs-hint">
            按时办结率 = 按期答复 ÷ 已答复；解决率 = 回访已解决 ÷ 回访过；回访率 = 回访过 ÷ 已答复；重复诉求率 = 并单
            ÷（受理 + 并单）；直接答复率 = 直接答复 ÷（受理 + 提交前已解决）。
          </Text>
          <View className="actions hs-actions">
            <Button
              className="hs-export"
              type="primary"
              loading={exporting}
              disabled={exporting}
              onClick={onExport}
              style={{ flex: 1 }}
            >
              导出 Excel
            </Button>
          </View>
        </View>
      )}
    </LoadState>
  );
}

function ReportRow({ t }: { t: ReportedTicket }) {
  return (
    <View
      className="card hs-report"
      ariaRole="link"
      onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.ticket(t.ticketId) })}
    >
      <View className="hs-report__head">
        <Text className="hs-report__no">{t.ticketNo}</Text>
        <Text className="hs-report__late">超期 {t.lateWorkdays} 个工作日</Text>
      </View>
      <Text className="hs-report__title">{t.title}</Text>
      <Text className="hs-report__meta">
        {t.departmentName ?? '未交办'} · {t.category} · 期限 {t.dueDay}
      </Text>
    </View>
  );
}

function Reports() {
  const [page, setPage] = useState(1);
  const state = useRemote(useCallback(() => call('hotline', 'reports', { page }), [page]));
  return (
    <LoadState state={state} loadingText="正在读取超期通报…">
      {({ tickets, hasMore }) => (
        <>
          <View className="card hs-report-intro">
            <Text className="muted">
              超过办理期限满 5 个工作日仍未答复的诉求，超期最久的在前；答复后自动移出。标题已打码，可直接用于通报。
            </Text>
          </View>
          {tickets.length === 0 && (
            <View className="card">
              <Text className="muted">{page === 1 ? '没有列入通报的诉求。' : '这一页没有诉求了。'}</Text>
            </View>
          )}
          {tickets.map((t) => (
            <ReportRow key={t.ticketId} t={t} />
          ))}
          <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

function HotlineStats() {
  const [tab, setTab] = useState<'stats' | 'reports'>(useRouter().params.tab === 'reports' ? 'reports' : 'stats');
  return (
    <>
      <AdminHead title="热线统计" sub="各部门办理情况、月报导出与超期通报" />
      <View className="hs-tabs" ariaRole="radiogroup" ariaLabel="热线统计内容">
        {(
          [
            ['stats', '部门统计'],
            ['reports', '超期通报'],
          ] as const
        ).map(([key, label]) => (
          <View
            key={key}
            className={`hs-tab${tab === key ? ' hs-tab--on' : ''}`}
            ariaRole="radio"
            ariaChecked={tab === key ? 'true' : 'false'}
            onClick={() => setTab(key)}
          >
            {label}
          </View>
        ))}
      </View>
      {tab === 'stats' ? <Stats /> : <Reports />}
    </>
  );
}

export default function HotlineStatsPage() {
  return <AdminGate page="hotline-stats">{() => <HotlineStats />}</AdminGate>;
}
