// 会议纪实台账: a branch's 三会一课 meetings of a year, each with the state of its 纪实 (the board counts a meeting as
// held only with a complete one), a tap to fill it in, and the year's 台账 as an Excel workbook.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MeetingList, MeetingRow, MinutesState } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { dayTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { askedYear, defaultOrgId, OrgYearPicker, pickableOrgs } from '../shared/org-year-picker';
import './index.scss';

const STATE_LABELS: Record<MinutesState, string> = { none: '未填写纪实', draft: '纪实未完成', complete: '纪实已完成' };

function Row({ row, canEdit }: { row: MeetingRow; canEdit: boolean }) {
  const label = row.started ? STATE_LABELS[row.state] : '尚未召开';
  const open = () => Taro.navigateTo({ url: `/admin/minutes/index?activityId=${encodeURIComponent(row.activityId)}` });
  return (
    <View
      className="admin-list__row meetings-row"
      onClick={open}
      ariaRole="button"
      ariaLabel={`${row.title}，${label}`}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{row.title}</Text>
        <Text className="admin-list__meta">
          {row.kind} · {dayTimeText(row.startAt)}
        </Text>
      </View>
      <Text className={`meetings-state meetings-state--${row.started ? row.state : 'later'}`}>{label}</Text>
      {canEdit && row.started && row.state !== 'complete' && <Text className="admin-list__action">填写</Text>}
    </View>
  );
}

function Year({ list }: { list: MeetingList }) {
  const exporting = useSave({ errorToast: true });
  const held = list.rows.filter((r) => r.started).length;
  const doExport = () =>
    exporting.submit(
      () => call('orglife', 'exportMinutes', { orgId: list.orgId, year: list.year }),
      (out) => openExport(out.url, out.fileName),
    );
  return (
    <>
      <View className="card meetings-summary">
        <Text className="meetings-summary__title">
          {list.orgName} · {list.year} 年
        </Text>
        <Text className="meetings-summary__line">
          已召开 {held} 次，纪实已完成 {held - list.withoutMinutes} 次
        </Text>
        {list.withoutMinutes > 0 && (
          <Text className="meetings-summary__warn">
            {list.withoutMinutes} 次会议没有完整纪实，“三会一课”看板不计为已召开，请补填。
          </Text>
        )}
        {list.canEdit && held > 0 && (
          <View className="actions">
            <Button className="meetings-export" loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
              导出全年台账（Excel）
            </Button>
          </View>
        )}
      </View>
      <View className="card">
        <View className="card__title">会议（{list.rows.length}）</View>
        {list.rows.length === 0 && (
          <Text className="muted">这一年还没有“三会一课”或主题党日活动。在“活动签到”中建活动后，这里会列出。</Text>
        )}
        {[...list.rows].reverse().map((r) => (
          <Row key={r.activityId} row={r} canEdit={list.canEdit} />
        ))}
      </View>
    </>
  );
}

function Meetings({ me, directory }: AdminContext) {
  const params = useRouter().params;
  const orgs = pickableOrgs(me.roles, directory.orgs);
  const [orgId, setOrgId] = useState(() => defaultOrgId(params.orgId, me.roles, directory.orgs));
  const [year, setYear] = useState(() => askedYear(params.year));
  const state = useRemote(
    useCallback(() => (orgId ? call('orglife', 'meetings', { orgId, year }) : Promise.resolve(null)), [orgId, year]),
  );
  useReloadOnReturn(state.reload);
  return (
    <>
      <OrgYearPicker orgs={orgs} orgId={orgId} onOrg={setOrgId} year={year} onYear={setYear} />
      <LoadState state={state} loadingText="正在读取会议…">
        {(list) =>
          list === null ? (
            <View className="card">
              <Text className="muted">还没有可查看的支部。</Text>
            </View>
          ) : (
            <Year list={list} />
          )
        }
      </LoadState>
    </>
  );
}

export default function MeetingsPage() {
  return <AdminGate page="meetings">{(ctx) => <Meetings {...ctx} />}</AdminGate>;
}
