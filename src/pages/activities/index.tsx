// 签到活动: the activities of the member's branch (open now first), each with the member's own check-in status; a way
// to bind for the unbound, and for secretaries the way into 活动签到 management.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActivitySummary } from '@/domain/api';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { useRemote, useResource } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import type { Session } from '@/services/session';
import { session } from '@/services/session';
import { PHASE_LABELS, sortForList, STATUS_LABELS, timeRange } from '@/utils/checkin';
import { canOpen } from '@/utils/roles';
import './index.scss';

function ActivityRow({ a }: { a: ActivitySummary }) {
  const status = a.myStatus
    ? STATUS_LABELS[a.myStatus]
    : a.phase === 'ended'
      ? '未签到'
      : a.phase === 'open'
        ? '待签到'
        : '';
  return (
    <View className={`activity-row activity-row--${a.phase}`}>
      <View className="activity-row__head">
        <Text className={`activity-row__phase activity-row__phase--${a.phase}`}>{PHASE_LABELS[a.phase]}</Text>
        <Text className="activity-row__kind">{a.kind}</Text>
      </View>
      <Text className="activity-row__title">{a.title}</Text>
      <Text className="activity-row__meta">{timeRange(a)}</Text>
      {a.place && <Text className="activity-row__meta">{a.place}</Text>}
      {status && (
        <Text
          className={`activity-row__status ${a.myStatus ? 'activity-row__status--in' : a.phase === 'ended' ? 'activity-row__status--missed' : ''}`}
        >
          {status}
        </Text>
      )}
      {a.phase === 'open' && !a.myStatus && (
        <Text className="activity-row__hint">请用微信扫描现场大屏上的二维码签到</Text>
      )}
    </View>
  );
}

function MineList({ me }: { me: Session }) {
  const state = useRemote(useCallback(() => call('checkin', 'list', { scope: 'mine' }), []));
  useReloadOnReturn(state.reload);
  return (
    <>
      {canOpen('activities', me.roles) && (
        <View className="card activities-manage" onClick={() => Taro.navigateTo({ url: '/admin/activities/index' })}>
          <Text className="activities-manage__title">活动签到管理</Text>
          <Text className="activities-manage__desc">新建活动、显示签到码、查看出勤、补签、导出签到表</Text>
        </View>
      )}
      <LoadState state={state} loadingText="正在读取活动…">
        {({ activities }) =>
          activities.length === 0 ? (
            <View className="card">
              <Text className="muted">本支部还没有签到活动。</Text>
            </View>
          ) : (
            <View className="card">
              {sortForList(activities).map((a) => (
                <ActivityRow key={a.activityId} a={a} />
              ))}
            </View>
          )
        }
      </LoadState>
    </>
  );
}

export default function ActivitiesPage() {
  const me = useResource(session);
  return (
    <PageShell>
      <LoadState state={me}>
        {(s) =>
          s.member ? (
            <MineList me={s} />
          ) : (
            <View className="card">
              <View className="card__title">签到活动</View>
              <Text className="activities-unbound">
                党员绑定身份后，可在这里查看本支部的主题党日、“三会一课”和自己的签到记录。
              </Text>
              {canOpen('activities', s.roles) && (
                <Button
                  className="activities-unbound__manage"
                  size="large"
                  block
                  onClick={() => Taro.navigateTo({ url: '/admin/activities/index' })}
                >
                  活动签到管理
                </Button>
              )}
              <Button type="primary" size="large" block onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
                去“我的”绑定身份
              </Button>
            </View>
          )
        }
      </LoadState>
    </PageShell>
  );
}
