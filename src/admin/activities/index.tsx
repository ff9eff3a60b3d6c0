// 活动签到: the activities the caller manages (open now first), each with its code screen and attendance, and the way
// to create one.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { PHASE_LABELS, showsCode, sortForList, timeRange } from '@/utils/checkin';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import './index.scss';

function Activities({ directory }: AdminContext) {
  const state = useRemote(useCallback(() => call('checkin', 'list', { scope: 'manage' }), []));
  useReloadOnReturn(state.reload);
  const orgName = new Map(directory.orgs.map((o) => [o.orgId, o.name]));
  const open = (page: string, activityId: string) =>
    Taro.navigateTo({ url: `/admin/${page}/index?activityId=${encodeURIComponent(activityId)}` });

  return (
    <>
      <AdminHead title="活动签到" sub="主题党日、“三会一课”">
        <Button
          className="manage-activities__new"
          type="primary"
          onClick={() => Taro.navigateTo({ url: '/admin/activity-form/index' })}
        >
          新建活动
        </Button>
      </AdminHead>
      <LoadState state={state} loadingText="正在读取活动…">
        {({ activities }) =>
          activities.length === 0 ? (
            <View className="card">
              <Text className="muted">还没有活动。点击“新建活动”，填写标题、时间和参加的支部。</Text>
            </View>
          ) : (
            <View className="card">
              {sortForList(activities).map((a) => (
                <View key={a.activityId} className="manage-row">
                  <View className="manage-row__head">
                    <Text className={`manage-row__phase manage-row__phase--${a.phase}`}>{PHASE_LABELS[a.phase]}</Text>
                    <Text className="manage-row__kind">{a.kind}</Text>
                  </View>
                  <Text className="manage-row__title">{a.title}</Text>
                  <Text className="manage-row__meta">{timeRange(a)}</Text>
                  <Text className="manage-row__meta">{a.orgIds.map((o) => orgName.get(o) ?? o).join('、')}</Text>
                  <View className="manage-row__actions">
                    {showsCode(a.phase) && (
                      <Button
                        className="manage-row__code"
                        type="primary"
                        onClick={() => open('activity-code', a.activityId)}
                      >
                        显示签到码
                      </Button>
                    )}
                    <Button className="manage-row__attendance" onClick={() => open('attendance', a.activityId)}>
                      出勤与补签
                    </Button>
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </LoadState>
    </>
  );
}

export default function ActivitiesAdminPage() {
  return <AdminGate page="activities">{(ctx) => <Activities {...ctx} />}</AdminGate>;
}
