// 我的培训 for members: the classes the member is enrolled in this year (or came to without enrolling) with when,
// where and whether the check-in recorded him (or that the class was called off, and why); the check-in itself is the
// class's code on the big screen (扫一扫).
import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { MyTrainingRow } from '@/domain/api/training';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { dateTimeText } from '@/utils/time';
import './index.scss';

function attendanceText(c: MyTrainingRow): string {
  if (c.phase === 'cancelled') return '已取消';
  if (c.attendance === 'present') return '已签到';
  if (c.attendance === 'late') return '已签到（迟到）';
  if (c.phase === 'ended') return '未签到';
  return '已报名，开班时请扫描现场签到码';
}

export default function MyTrainingsPage() {
  const state = useRemote(useCallback(() => call('register', 'myTrainings', {}), []));
  return (
    <PageShell className="my-training">
      <LoadState state={state} loadingText="正在加载我的培训…">
        {({ year, classes, attended }) => (
          <>
            <View className="card">
              <View className="card__title">
                {year}年已参加培训 {attended} 期
              </View>
              <Text className="card__hint">千名科级党员干部大培训每季度举办；报名由机关工委或支部书记统一办理。</Text>
            </View>
            <View className="card">
              <View className="card__title">我的培训班</View>
              {classes.length === 0 ? (
                <Text className="muted">今年还没有报名培训班。</Text>
              ) : (
                classes.map((c) => (
                  <View key={c.classId} className="my-training__row">
                    <View className="my-training__main">
                      <Text className="my-training__title">{c.title}</Text>
                      <Text className="my-training__meta">
                        {c.kind} · <Text className="nowrap">{dateTimeText(c.startAt)}</Text> · {c.place}
                      </Text>
                      {c.phase === 'cancelled' && (
                        <Text className="my-training__meta">本期培训已取消：{c.cancelReason}</Text>
                      )}
                    </View>
                    <Text
                      className={`my-training__tag${c.phase === 'cancelled' ? ' my-training__tag--cancelled' : c.attendance ? ' my-training__tag--present' : ''}`}
                    >
                      {attendanceText(c)}
                    </Text>
                  </View>
                ))
              )}
            </View>
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
