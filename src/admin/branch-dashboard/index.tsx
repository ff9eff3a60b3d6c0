// 支部看板: for one branch and year, what of 三会一课 is missing this month and quarter, the cadence grid, the
// attendance of each activity, quiz participation and the points distribution; read from the document the ranking
// function keeps (重新统计 recomputes it now).
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { BranchDashboard } from '@/domain/api';
import { BarList, CadenceGrid, ColumnChart } from '@/components/chart';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { attendanceBars, cadenceGridRows, distributionColumns, pct } from '@/utils/points';
import { dateTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { askedYear, defaultOrgId, OrgYearPicker, pickableOrgs } from '../shared/org-year-picker';
import './index.scss';

/** Activities shown before 展开全部: enough for a quarter of 三会一课 without a long scroll. */
const FIRST_ACTIVITIES = 8;

function Figures({ d }: { d: BranchDashboard }) {
  const items: Array<[string, string]> = [
    ['党员', String(d.members)],
    ['三会一课', pct(d.compliance)],
    ['平均出勤', pct(d.attendanceRate)],
    ['答题参与', pct(d.quiz.rate)],
  ];
  return (
    <View className="stats dash-figures">
      {items.map(([label, value]) => (
        <View key={label} className="stats__item">
          <Text className="stats__value dash-figures__value">{value}</Text>
          <Text className="stats__label">{label}</Text>
        </View>
      ))}
    </View>
  );
}

function Missing({ d }: { d: BranchDashboard }) {
  if (d.missing.length === 0) {
    return (
      <View className="dash-missing dash-missing--none">
        <Text className="dash-missing__title">本月、本季度的“三会一课”都已召开</Text>
      </View>
    );
  }
  return (
    <View className="dash-missing">
      <Text className="dash-missing__title">待召开（截至 {d.asOf}）</Text>
      {d.missing.map((m) => (
        <Text key={m} className="dash-missing__item">
          {m}
        </Text>
      ))}
    </View>
  );
}

function Attendance({ d }: { d: BranchDashboard }) {
  const [all, setAll] = useState(false);
  const bars = attendanceBars(d.activities);
  const shown = all ? bars : bars.slice(0, FIRST_ACTIVITIES);
  return (
    <View className="card dash-attendance">
      <View className="card__title">各次活动出勤率</View>
      {/* One statement per state: an empty year said both 还没有已结束的活动 (with the colour key) and 还没有活动. */}
      <Text className="card__hint">
        {bars.length === 0
          ? '今年还没有活动。'
          : d.attendanceRate === null
            ? '今年的活动都还没有结束，出勤率随签到更新；低于 80% 的标为橙色。'
            : `已结束活动平均出勤率 ${d.attendanceRate}%；低于 80% 的标为橙色。`}
      </Text>
      {bars.length > 0 && <BarList title="各次活动出勤率" rows={shown} max={100} />}
      {bars.length > FIRST_ACTIVITIES && (
        <View className="dash-more" onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${bars.length} 次活动`}
        </View>
      )}
    </View>
  );
}

function Board({ d, refreshing, onRefresh }: { d: BranchDashboard; refreshing: boolean; onRefresh: () => void }) {
  const q = d.quiz;
  return (
    <>
      <View className="card dash-head">
        <View className="dash-head__row">
          <View className="dash-head__text">
            <Text className="dash-head__title">{d.orgName}</Text>
            <Text className="card__hint">
              {d.year} 年 · 统计于 <Text className="nowrap">{dateTimeText(d.computedAt)}</Text>
            </Text>
          </View>
          <Button className="dash-refresh" size="small" loading={refreshing} disabled={refreshing} onClick={onRefresh}>
            重新统计
          </Button>
        </View>
        <Figures d={d} />
        <Missing d={d} />
      </View>

      <View className="card dash-cadence">
        <View className="card__title">“三会一课”落实情况</View>
        <Text className="card__hint">
          支部党员大会、党课每季度至少一次，支委会、党小组会每月至少一次。✓ 为当期已召开，召开多次的显示次数。
        </Text>
        <CadenceGrid title={`${d.year}年三会一课落实情况`} rows={cadenceGridRows(d.cadence)} />
      </View>

      <Attendance d={d} />

      <View className="card dash-quiz">
        <View className="card__title">知识竞赛与每日一练参与</View>
        <BarList
          title="答题参与率"
          max={100}
          rows={[
            {
              key: 'quiz',
              label: `今年参加过答题的党员（共 ${q.members} 人）`,
              value: q.rate ?? 0,
              valueText: q.rate === null ? '—' : `${q.participants}人 ${q.rate}%`,
              tone: 'ok',
            },
          ]}
        />
      </View>

      <View className="card dash-points">
        <View className="card__title">党员积分分布</View>
        <Text className="card__hint">
          {d.averagePoints === null ? '暂无积分。' : `人均 ${d.averagePoints} 分；`}柱上为人数。
        </Text>
        <ColumnChart
          title="党员积分分布"
          columns={distributionColumns(d.distribution)}
          caption="年度积分（分）"
          empty="暂无党员。"
        />
      </View>

      <Button
        className="dash-stars"
        type="primary"
        size="large"
        block
        onClick={() =>
          Taro.navigateTo({ url: `/admin/stars/index?orgId=${encodeURIComponent(d.orgId)}&year=${d.year}` })
        }
      >
        评星定级
      </Button>
    </>
  );
}

function Dashboard({ me, directory }: AdminContext) {
  const params = useRouter().params;
  const orgs = pickableOrgs(me.roles, directory.orgs);
  const [orgId, setOrgId] = useState(() => defaultOrgId(params.orgId, me.roles, directory.orgs));
  const [year, setYear] = useState(() => askedYear(params.year));
  const refreshing = useSave({ toast: '已重新统计', errorToast: true });
  const [fresh, setFresh] = useState<BranchDashboard | null>(null);

  const fetcher = useCallback(
    () => (orgId ? call('points', 'dashboard', { orgId, year }) : Promise.resolve(null)),
    [orgId, year],
  );
  const state = useRemote(fetcher);

  const refresh = () => {
    if (orgId) void refreshing.submit(() => call('points', 'dashboard', { orgId, year, refresh: true }), setFresh);
  };
  const pick = (o: string, y: number) => {
    setFresh(null);
    setOrgId(o);
    setYear(y);
  };

  return (
    <>
      <OrgYearPicker
        orgs={orgs}
        orgId={orgId}
        onOrg={(o) => pick(o, year)}
        year={year}
        onYear={(y) => pick(orgId ?? '', y)}
      />
      <LoadState state={state} loadingText="正在读取支部看板…">
        {(d) =>
          d === null ? (
            <View className="card">
              <Text className="muted">还没有可查看的支部。请先在“组织管理”中建立支部。</Text>
            </View>
          ) : (
            <Board d={fresh ?? d} refreshing={refreshing.busy} onRefresh={refresh} />
          )
        }
      </LoadState>
    </>
  );
}

export default function BranchDashboardPage() {
  return <AdminGate page="dashboard">{(ctx) => <Dashboard {...ctx} />}</AdminGate>;
}
