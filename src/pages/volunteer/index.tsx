// 志愿服务 for members: the activities open to the own organisation (报名; 候补 when the places are taken; 取消 before
// the start, which hands the place to the first waiting member), and the own hours this year as the organisers
// recorded them.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { VolunteerMineRow } from '@/domain/api/volunteer';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { clockText, dayTimeText } from '@/utils/time';
import './index.scss';

function statusText(a: VolunteerMineRow): string {
  if (a.status === 'confirmed') return '已报名，请按时到场扫码签到';
  if (a.status === 'waiting') return `候补第 ${a.waitingPlace} 位：有人取消时按先后自动递补`;
  return '';
}

function Item({ a, onChanged }: { a: VolunteerMineRow; onChanged: () => void }) {
  const saving = useSave({ errorToast: true, onDone: onChanged });
  const started = Date.now() >= new Date(a.startAt).getTime();
  const full = a.signedUp >= a.capacity;
  const signUp = () =>
    saving.submit(
      () => call('register', 'volSignUp', { activityId: a.activityId }),
      (r) =>
        void Taro.showToast({
          title: r.status === 'confirmed' ? '报名成功' : `已候补第 ${r.waitingPlace} 位`,
          icon: 'none',
        }),
    );
  const cancel = () =>
    saving.submit(
      () => call('register', 'volCancel', { activityId: a.activityId }),
      () => void Taro.showToast({ title: '已取消报名', icon: 'none' }),
    );
  return (
    <View className="volunteer__item">
      <Text className="volunteer__title">{a.title}</Text>
      <Text className="volunteer__meta">
        {a.mode} · {a.partner} · {a.orgName}
      </Text>
      <Text className="volunteer__meta">
        {dayTimeText(a.startAt)}–{clockText(a.endAt)} · {a.place}
      </Text>
      <Text className="volunteer__meta">
        名额 {a.capacity}，已报名 {a.signedUp}
        {a.waiting ? `，候补 ${a.waiting}` : ''}
      </Text>
      {a.status && <Text className={`volunteer__status volunteer__status--${a.status}`}>{statusText(a)}</Text>}
      {!started &&
        (a.status ? (
          <Button
            className="volunteer__action"
            block
            fill="outline"
            loading={saving.busy}
            disabled={saving.busy}
            onClick={cancel}
          >
            取消报名
          </Button>
        ) : (
          <Button
            className="volunteer__action"
            type="primary"
            block
            loading={saving.busy}
            disabled={saving.busy}
            onClick={signUp}
          >
            {full ? '名额已满，报名候补' : '我要报名'}
          </Button>
        ))}
    </View>
  );
}

export default function VolunteerMinePage() {
  const state = useRemote(useCallback(() => call('register', 'volMine', {}), []));
  return (
    <PageShell className="volunteer">
      <LoadState state={state} loadingText="正在加载志愿服务…">
        {({ activities, year, yearHours, served }) => (
          <>
            <View className="card volunteer__hours">
              <Text className="volunteer__number">{yearHours}</Text>
              <Text className="volunteer__label">{year}年我的志愿服务时长（小时）</Text>
            </View>
            <View className="card">
              <View className="card__title">可报名的活动</View>
              {activities.length === 0 ? (
                <Text className="muted">近期没有志愿服务活动。</Text>
              ) : (
                activities.map((a) => <Item key={a.activityId} a={a} onChanged={state.reload} />)
              )}
            </View>
            <View className="card">
              <View className="card__title">我的服务记录</View>
              {served.length === 0 ? (
                <Text className="muted">今年还没有登记的服务时长。参加活动并签到后，由组织者登记。</Text>
              ) : (
                served.map((s) => (
                  <View key={s.activityId} className="volunteer__served">
                    <Text>
                      {s.day} {s.title}
                    </Text>
                    <Text className="volunteer__hours">{s.hours} 小时</Text>
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
