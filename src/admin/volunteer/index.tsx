// 志愿服务台账 (工委 and secretaries): this year's hours per organisation (one summary read on the server, those
// without service first), the activities newest first (paged), the Excel export, and 发布活动.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { VolunteerActivityRow } from '@/domain/api/volunteer';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { clockText, dayTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import './index.scss';

const open = (activityId: string) =>
  Taro.navigateTo({ url: `/admin/volunteer-activity/index?activityId=${encodeURIComponent(activityId)}` });

function Row({ a }: { a: VolunteerActivityRow }) {
  return (
    <View className="admin-list__row" onClick={() => open(a.activityId)}>
      <View className="admin-list__main">
        <Text className="admin-list__name">{a.title}</Text>
        <Text className="admin-list__meta">
          {a.mode} · {a.partner} · {a.orgName}
        </Text>
        <Text className="admin-list__meta vol__line">
          {dayTimeText(a.startAt)}–{clockText(a.endAt)} · 报名 {a.signedUp}/{a.capacity}
          {a.waiting ? ` · 候补 ${a.waiting}` : ''}
          {a.recorded ? ` · 已登记 ${a.hours} 小时` : ''}
        </Text>
      </View>
      <Text className="vol__tag">{a.mode}</Text>
    </View>
  );
}

function Hours() {
  const state = useRemote(useCallback(() => call('register', 'volSummary', {}), []));
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state} loadingText="正在读取服务时长…">
      {({ year, rows, totalHours, without }) => (
        <>
          <View className="card vol__summary">
            <View className="vol__count">
              <Text className="vol__number">{totalHours}</Text>
              <Text className="vol__label">{year}年服务小时</Text>
            </View>
            <View className="vol__count vol__count--none">
              <Text className="vol__number">{without}</Text>
              <Text className="vol__label">尚无服务的组织</Text>
            </View>
          </View>
          <View className="card">
            <View className="card__title">各组织服务时长（{year}年）</View>
            {rows.map((r) => (
              <View key={r.orgId} className="admin-list__row">
                <View className="admin-list__main">
                  <Text className="admin-list__name">{r.orgName}</Text>
                  <Text className="admin-list__meta">{r.hours ? `${r.people} 人次` : '今年尚无志愿服务'}</Text>
                </View>
                <Text className="admin-list__meta">{r.hours} 小时</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </LoadState>
  );
}

function Activities() {
  const [page, setPage] = useState(0);
  const state = useRemote(useCallback(() => call('register', 'volList', { page }), [page]));
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state} loadingText="正在加载活动…">
      {({ activities, hasMore }) => (
        <View className="card">
          <View className="card__title">志愿服务活动</View>
          {activities.length === 0 ? (
            <Text className="muted">还没有志愿服务活动。点“发布活动”开始报名。</Text>
          ) : (
            activities.map((a) => <Row key={a.activityId} a={a} />)
          )}
          <Pager page={page} hasMore={hasMore} onPage={setPage} />
        </View>
      )}
    </LoadState>
  );
}

export default function VolunteerPage() {
  const exporting = useSave({ errorToast: true });
  const doExport = () =>
    exporting.submit(
      () => call('register', 'volExport', {}),
      (out) => openExport(out.url, out.fileName),
    );
  return (
    <AdminGate page="volunteer" className="vol">
      {() => (
        <>
          <AdminHead
            title="志愿服务台账"
            sub="进社区、进农村、共建：党员报名（额满候补），扫码签到，活动后登记服务时长"
          />
          <Button
            className="vol__button"
            type="primary"
            block
            onClick={() => Taro.navigateTo({ url: '/admin/volunteer-form/index' })}
          >
            发布活动
          </Button>
          <Hours />
          <Activities />
          <Button className="vol__button" block loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
            导出台账（Excel）
          </Button>
        </>
      )}
    </AdminGate>
  );
}
