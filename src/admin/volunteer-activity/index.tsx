// One 志愿服务 activity for its organiser: what, where and when; the sign-ups and the waiting list in order; the
// check-in (the linked 活动签到 page shows the code and takes 补签); after the activity, the hours of each attendee
// (the activity's length proposed, editable in half hours) recorded in one save.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { RegisterApi } from '@/domain/api/register';
import { VOLUNTEER_HOURS_MAX } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { clockText, dayTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import '../volunteer/index.scss';

type Detail = RegisterApi['volGet']['output'];

function HoursForm({ detail, onSaved }: { detail: Detail; onSaved: () => void }) {
  const [hours, setHours] = useState<Record<string, string>>(() =>
    Object.fromEntries(detail.attendees.map((a) => [a.memberId, String(a.hours ?? a.suggested)])),
  );
  const { busy, error, setError, submit } = useSave({ toast: '已登记', onDone: onSaved });
  const save = () => {
    const rows = detail.attendees.map((a) => ({
      memberId: a.memberId,
      name: a.name,
      hours: Number(hours[a.memberId]),
    }));
    const bad = rows.find((r) => !(r.hours >= 0 && r.hours <= VOLUNTEER_HOURS_MAX && Number.isInteger(r.hours * 2)));
    if (bad) return setError(`${bad.name}的服务时长应为 0–${VOLUNTEER_HOURS_MAX} 小时，按半小时填写（如 2.5）`);
    void submit(() =>
      call('register', 'volRecordHours', {
        activityId: detail.activity.activityId,
        hours: rows.map(({ memberId, hours: h }) => ({ memberId, hours: h })),
      }),
    );
  };
  if (detail.attendees.length === 0)
    return <Text className="muted">还没有人签到。未扫码的党员请在“签到与补签”中补签后再登记时长。</Text>;
  return (
    <>
      {detail.attendees.map((a) => (
        <View key={a.memberId} className="vol-hours">
          <Text className="vol-hours__name">
            {a.name}
            {a.signedUp ? '' : '（未报名）'}
          </Text>
          <TextField
            label="时长（小时）"
            name={`hours-${a.memberId}`}
            type="digit"
            value={hours[a.memberId] ?? ''}
            onChange={(v) => setHours((h) => ({ ...h, [a.memberId]: v }))}
            maxLength={4}
            clearable={false}
          />
        </View>
      ))}
      {detail.ended ? (
        <FormActions
          error={error}
          busy={busy}
          submitText={busy ? '正在登记…' : '登记服务时长'}
          submitClassName="vol-hours__save"
          onSubmit={save}
        />
      ) : (
        <Text className="card__hint">活动结束后登记服务时长。</Text>
      )}
    </>
  );
}

function Activity({ activityId }: { activityId: string }) {
  const state = useRemote(useCallback(() => call('register', 'volGet', { activityId }), [activityId]));
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state} loadingText="正在加载活动…">
      {(detail) => {
        const a = detail.activity;
        return (
          <>
            <View className="card">
              <View className="card__title">{a.title}</View>
              <Text className="term-line vol__line">
                {a.mode} · {a.partner}
              </Text>
              <Text className="vol__line">
                {dayTimeText(a.startAt)}–{clockText(a.endAt)} · {a.place}
              </Text>
              <Text className="vol__line">
                {a.orgName} · 名额 {a.capacity} · 已报名 {a.signedUp} · 候补 {a.waiting}
              </Text>
              <Button
                className="vol__button"
                block
                onClick={() =>
                  Taro.navigateTo({
                    url: `/admin/attendance/index?activityId=${encodeURIComponent(a.checkinActivityId)}`,
                  })
                }
              >
                签到与补签（出示签到码）
              </Button>
            </View>
            <View className="card">
              <View className="card__title">报名（{detail.signups.length}）</View>
              {detail.signups.length === 0 ? (
                <Text className="muted">还没有人报名。</Text>
              ) : (
                <Text className="vol__line">{detail.signups.map((s) => s.name).join('、')}</Text>
              )}
              {detail.waiting.length > 0 && (
                <Text className="vol__line">
                  候补（按先后）：{detail.waiting.map((s, i) => `${i + 1}. ${s.name}`).join('  ')}
                </Text>
              )}
            </View>
            <View className="card admin-form">
              <View className="card__title">服务时长{a.recorded ? `（已登记 ${a.hours} 小时）` : ''}</View>
              <HoursForm key={a.recorded ? 'saved' : 'new'} detail={detail} onSaved={state.reload} />
            </View>
          </>
        );
      }}
    </LoadState>
  );
}

export default function VolunteerActivityPage() {
  const activityId = useRouter().params.activityId ?? '';
  return <AdminGate page="volunteer">{() => <Activity activityId={activityId} />}</AdminGate>;
}
