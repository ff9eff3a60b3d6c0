// 达标创优: every branch for a year in one table (落实率, 本期缺项, 出勤率, 答题参与率, 人均积分, 党员数), sorted by any
// column with a tap on its head (again to reverse), each branch opening its dashboard; 重新统计 and the Excel export.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { OverviewRow, PointsOverview } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import type { OverviewKey, SortDir } from '@/utils/points';
import { pct, sortOverview } from '@/utils/points';
import { dateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { TermsDue } from '../shared/terms-due';
import { TrainingDue } from '../shared/training-due';
import { VolunteerDue } from '../shared/volunteer-due';
import { LeadersDue } from '../shared/leaders-due';
import { ContestsDue } from '../shared/contests-due';
import '../register-terms/index.scss';
import { askedYear, OrgYearPicker } from '../shared/org-year-picker';
import './index.scss';

interface Column {
  key: OverviewKey;
  label: string;
  /** The first tap sorts this way: best first (most compliant, fewest missing). */
  first: SortDir;
  cell: (r: OverviewRow) => string;
}

const COLUMNS: Column[] = [
  { key: 'name', label: '支部', first: 'asc', cell: (r) => r.name },
  { key: 'compliance', label: '落实率', first: 'desc', cell: (r) => pct(r.compliance) },
  { key: 'missingNow', label: '本期缺项', first: 'asc', cell: (r) => String(r.missingNow) },
  { key: 'attendanceRate', label: '出勤率', first: 'desc', cell: (r) => pct(r.attendanceRate) },
  { key: 'quizRate', label: '答题参与', first: 'desc', cell: (r) => pct(r.quizRate) },
  {
    key: 'averagePoints',
    label: '人均积分',
    first: 'desc',
    cell: (r) => (r.averagePoints === null ? '—' : String(r.averagePoints)),
  },
  { key: 'members', label: '党员', first: 'desc', cell: (r) => String(r.members) },
];

function Table({ data, year }: { data: PointsOverview; year: number }) {
  const [sort, setSort] = useState<{ key: OverviewKey; dir: SortDir }>({ key: 'compliance', dir: 'desc' });
  const rows = sortOverview(data.rows, sort.key, sort.dir);
  const tap = (c: Column) =>
    setSort((s) =>
      s.key === c.key ? { key: c.key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: c.key, dir: c.first },
    );
  const open = (r: OverviewRow) =>
    Taro.navigateTo({ url: `/admin/branch-dashboard/index?orgId=${encodeURIComponent(r.orgId)}&year=${year}` });

  if (data.rows.length === 0) return <Text className="muted">还没有支部。</Text>;
  return (
    <>
      {/* On a phone the table is wider than the screen: say so (a PC shows every column and hides this). */}
      <Text className="overview-scroll-hint">表格较宽，左右滑动可看全部 {COLUMNS.length} 列 →</Text>
      <View className="overview-scroll" tabindex="0" ariaRole="region" ariaLabel="达标创优表，可左右滑动">
        <View className="overview-table" ariaRole="table" ariaLabel={`${year}年各支部达标创优情况`}>
          <View className="overview-tr overview-tr--head" ariaRole="row">
            {COLUMNS.map((c) => (
              <View
                key={c.key}
                className={`overview-th overview-col--${c.key}${sort.key === c.key ? ' overview-th--on' : ''}`}
                ariaRole="columnheader"
                ariaSort={sort.key !== c.key ? 'none' : sort.dir === 'asc' ? 'ascending' : 'descending'}
                ariaLabel={`按${c.label}排序`}
                onClick={() => tap(c)}
              >
                <Text className="overview-th__text">{c.label}</Text>
                <Text className="overview-th__arrow">
                  {sort.key === c.key ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}
                </Text>
              </View>
            ))}
          </View>
          {rows.map((r) => (
            <View key={r.orgId} className="overview-tr" ariaRole="row" onClick={() => open(r)}>
              {COLUMNS.map((c) => (
                <View
                  key={c.key}
                  ariaRole={c.key === 'name' ? 'rowheader' : 'cell'}
                  className={`overview-td overview-col--${c.key}${c.key === 'missingNow' && r.missingNow > 0 ? ' overview-td--bad' : ''}`}
                >
                  {c.cell(r)}
                </View>
              ))}
            </View>
          ))}
        </View>
      </View>
    </>
  );
}

function Overview() {
  const askedFor = useRouter().params.year;
  const [year, setYear] = useState(() => askedYear(askedFor));
  const [fresh, setFresh] = useState<PointsOverview | null>(null);
  const refreshing = useSave({ toast: '已重新统计', errorToast: true });
  const exporting = useSave({ errorToast: true });
  const busy = refreshing.busy || exporting.busy;
  const state = useRemote(useCallback(() => call('points', 'overview', { year }), [year]));

  const refresh = () => refreshing.submit(() => call('points', 'overview', { year, refresh: true }), setFresh);
  const doExport = () =>
    exporting.submit(
      () => call('points', 'exportOverview', { year }),
      (out) => openExport(out.url, out.fileName),
    );

  return (
    <>
      <View className="admin-head">
        <View>
          <Text className="admin-head__title">达标创优</Text>
          <Text className="admin-head__sub">各支部“三会一课”落实、出勤与答题参与</Text>
        </View>
      </View>
      <OrgYearPicker
        year={year}
        onYear={(y) => {
          setFresh(null);
          setYear(y);
        }}
      />
      <LoadState state={state} loadingText="正在读取各支部情况…">
        {(d) => {
          const data = fresh ?? d;
          return (
            <View className="card overview">
              <Text className="card__hint overview__hint">
                点按表头排序，再点一次反向；点按支部查看看板。统计于 {dateTimeText(data.computedAt)}，“本期”指截至{' '}
                {data.asOf} 的本月与本季度。
              </Text>
              <Table data={data} year={year} />
              <View className="actions overview__actions">
                <Button
                  className="overview-refresh"
                  fill="outline"
                  loading={refreshing.busy}
                  disabled={busy}
                  onClick={refresh}
                  style={{ flex: 1 }}
                >
                  重新统计
                </Button>
                <Button
                  className="overview-export"
                  type="primary"
                  loading={exporting.busy}
                  disabled={busy}
                  onClick={doExport}
                  style={{ flex: 1 }}
                >
                  导出 Excel
                </Button>
              </View>
            </View>
          );
        }}
      </LoadState>
      <TermsDue />
      <TrainingDue />
      <VolunteerDue />
      <LeadersDue />
      <ContestsDue />
    </>
  );
}

export default function OverviewPage() {
  return <AdminGate page="overview">{() => <Overview />}</AdminGate>;
}
