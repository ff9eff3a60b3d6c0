// 达标创优: every branch for a year in one table (落实率, 本期缺项, 出勤率, 答题参与率, 人均积分, 党员数), sorted by any
// column with a tap on its head (again to reverse), each branch opening its dashboard; 重新统计 and the Excel export.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { OverviewRow, PointsOverview } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import type { SortableColumn } from '@/components/sortable-table';
import { SortableTable } from '@/components/sortable-table';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import { pct } from '@/utils/points';
import { dateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { TermsDue } from '../shared/terms-due';
import { TrainingDue } from '../shared/training-due';
import { VolunteerDue } from '../shared/volunteer-due';
import { LeadersDue } from '../shared/leaders-due';
import { ContestsDue } from '../shared/contests-due';
import '../register-terms/index.scss';
import { askedYear, OrgYearPicker } from '../shared/org-year-picker';
import './index.scss';

const COLUMNS: SortableColumn<OverviewRow>[] = [
  { key: 'name', label: '支部', first: 'asc', format: (r) => r.name },
  { key: 'compliance', label: '落实率', first: 'desc', format: (r) => pct(r.compliance) },
  {
    key: 'missingNow',
    label: '本期缺项',
    first: 'asc',
    format: (r) => String(r.missingNow),
    bad: (r) => r.missingNow > 0,
  },
  { key: 'attendanceRate', label: '出勤率', first: 'desc', format: (r) => pct(r.attendanceRate) },
  { key: 'quizRate', label: '答题参与', first: 'desc', format: (r) => pct(r.quizRate) },
  {
    key: 'averagePoints',
    label: '人均积分',
    first: 'desc',
    format: (r) => (r.averagePoints === null ? '—' : String(r.averagePoints)),
  },
  { key: 'members', label: '党员', first: 'desc', format: (r) => String(r.members) },
];

/** Each branch opens its dashboard. On a phone the table is wider than the screen and says so (a PC shows it all). */
function Table({ data, year }: { data: PointsOverview; year: number }) {
  return (
    <SortableTable
      block="overview"
      columns={COLUMNS}
      rows={data.rows}
      rowKey={(r) => r.orgId}
      initialSort={{ key: 'compliance', dir: 'desc' }}
      label={`${year}年各支部达标创优情况`}
      scrollLabel="达标创优表，可左右滑动"
      empty="还没有支部。"
      onRow={(r) =>
        Taro.navigateTo({ url: `/admin/branch-dashboard/index?orgId=${encodeURIComponent(r.orgId)}&year=${year}` })
      }
    />
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
      <AdminHead title="达标创优" sub="各支部“三会一课”落实、出勤与答题参与" />
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
