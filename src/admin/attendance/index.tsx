// 出勤与补签: expected / present / late / flagged / absent of one activity (read again every 10 s while it is open),
// the absentees in roster order with 补签 (a reason is required), flagged check-ins, and the Excel export. On a PC
// the counts stay on the left and the lists of members run down the right.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { Absentee, ActionOutput, ActivityDetail } from '@/domain/api';
import { orglifeIsMeetingKind } from '@/domain/orglife';
import { LoadState } from '@/components/load-state';
import { bothStates, useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import { flagText, PHASE_LABELS, showsCode, takesMakeUp, timeRange } from '@/utils/checkin';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import './index.scss';

type Attendance = ActionOutput<'checkin', 'attendance'>;

/** How often an open activity's attendance is read again. */
const REFRESH_MS = 10_000;

interface MakeUpProps {
  activityId: string;
  member: Absentee;
  onDone: () => void;
  onCancel: () => void;
}

function MakeUp({ activityId, member, onDone, onCancel }: MakeUpProps) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit: save } = useSave({ toast: '已补签', onDone });
  const submit = () => {
    if (!reason.trim()) return setError('请填写补签原因，如“扫码时手机没电，现场确认出席”');
    void save(() => call('checkin', 'manualCheckIn', { activityId, memberId: member.memberId, reason: reason.trim() }));
  };
  return (
    <View className="makeup">
      <Text className="makeup__title">为 {member.name} 补签</Text>
      <View className="field__box makeup__reason">
        <Input
          name="reason"
          value={reason}
          onChange={setReason}
          placeholder="补签原因（必填）"
          maxLength={100}
          clearable
        />
      </View>
      {error && <View className="form-error">{error}</View>}
      <View className="actions">
        <Button className="makeup__confirm" type="primary" loading={busy} disabled={busy} onClick={submit}>
          确认补签
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </View>
    </View>
  );
}

function Stats({ a }: { a: Attendance }) {
  const items: Array<[string, number | string, string]> = [
    ['应到', a.expected, ''],
    ['已签到', a.present, 'stats__value--ok'],
    ['迟到', a.late, ''],
    ['缺勤', a.absentees.length, a.absentees.length ? 'stats__value--bad' : ''],
  ];
  return (
    <>
      <View className="stats">
        {items.map(([label, value, cls]) => (
          <View key={label} className="stats__item">
            <Text className={`stats__value attendance-${label} ${cls}`}>{value}</Text>
            <Text className="stats__label">{label}</Text>
          </View>
        ))}
      </View>
      <Text className="card__hint">
        出勤率 {a.rate}%{a.flagged ? `，其中 ${a.flagged} 人有标记需核实` : ''}
        {a.manual ? `，补签 ${a.manual} 人` : ''}
      </Text>
    </>
  );
}

function Board({ activity, data, reload }: { activity: ActivityDetail; data: Attendance; reload: () => void }) {
  const [makeUp, setMakeUp] = useState<string | null>(null);
  const exporting = useSave({ errorToast: true });
  const [exported, setExported] = useState<{ url: string; fileName: string } | null>(null);

  useEffect(() => {
    if (activity.phase !== 'open') return undefined;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [activity.phase, reload]);

  const doExport = () =>
    exporting.submit(
      () => call('checkin', 'export', { activityId: activity.activityId }),
      (out) => {
        setExported(out);
        return openExport(out.url, out.fileName);
      },
    );

  return (
    <View className="attendance-board">
      <View className="card attendance-board__main">
        <Text className={`attendance-phase attendance-phase--${activity.phase}`}>{PHASE_LABELS[activity.phase]}</Text>
        <Text className="attendance-title">{activity.title}</Text>
        <Text className="attendance-meta">
          {activity.kind} · {timeRange(activity)}
          {activity.place ? ` · ${activity.place}` : ''}
        </Text>
        <Stats a={data} />
        <View className="actions attendance-actions">
          {showsCode(activity.phase) && (
            <Button
              className="attendance-code"
              type="primary"
              onClick={() =>
                Taro.navigateTo({
                  url: `/admin/activity-code/index?activityId=${encodeURIComponent(activity.activityId)}`,
                })
              }
            >
              显示签到码
            </Button>
          )}
          <Button className="attendance-export" loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
            导出签到表
          </Button>
          {activity.phase !== 'upcoming' && orglifeIsMeetingKind(activity.kind) && (
            <Button
              className="attendance-minutes"
              onClick={() =>
                Taro.navigateTo({ url: `/admin/minutes/index?activityId=${encodeURIComponent(activity.activityId)}` })
              }
            >
              填写会议纪实
            </Button>
          )}
        </View>
        {exported && (
          <Text className="card__hint attendance-file">
            已生成：{exported.fileName}（如未自动下载，请重新点击导出）
          </Text>
        )}
      </View>

      <View className="attendance-board__lists">
        <View className="card">
          <View className="card__title">缺勤名单（{data.absentees.length} 人）</View>
          {data.absentees.length === 0 && <Text className="muted">全部到齐。</Text>}
          {data.absentees.map((m) => (
            <View key={m.memberId} className="attendance-row">
              {makeUp === m.memberId ? (
                <MakeUp
                  activityId={activity.activityId}
                  member={m}
                  onCancel={() => setMakeUp(null)}
                  onDone={() => {
                    setMakeUp(null);
                    reload();
                  }}
                />
              ) : (
                <>
                  <Text className="attendance-row__name">{m.name}</Text>
                  {takesMakeUp(activity.phase) && (
                    <View className="attendance-row__action" onClick={() => setMakeUp(m.memberId)}>
                      补签
                    </View>
                  )}
                </>
              )}
            </View>
          ))}
        </View>

        {data.flaggedList.length > 0 && (
          <View className="card">
            <View className="card__title">需核实的签到（{data.flaggedList.length} 人）</View>
            {data.flaggedList.map((f) => (
              <View key={f.memberId} className="attendance-row">
                <Text className="attendance-row__name">{f.name}</Text>
                <Text className="attendance-row__note">
                  {flagText(f.flags)}
                  {f.distanceM !== null ? `，距离 ${f.distanceM} 米` : ''}
                </Text>
              </View>
            ))}
          </View>
        )}

        {data.manualList.length > 0 && (
          <View className="card">
            <View className="card__title">补签记录（{data.manualList.length} 人）</View>
            {data.manualList.map((m) => (
              <View key={m.memberId} className="attendance-row">
                <Text className="attendance-row__name">{m.name}</Text>
                <Text className="attendance-row__note">
                  {m.reason}（{m.byName}）
                </Text>
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  );
}

function AttendanceView({ activityId }: { activityId: string } & AdminContext) {
  const activity = useRemote(useCallback(() => call('checkin', 'get', { activityId }), [activityId]));
  const data = useRemote(useCallback(() => call('checkin', 'attendance', { activityId }), [activityId]));
  return (
    <LoadState state={bothStates(activity, data)} loadingText="正在统计出勤…">
      {([a, d]) => <Board activity={a} data={d} reload={data.reload} />}
    </LoadState>
  );
}

export default function AttendancePage() {
  const activityId = useRouter().params.activityId ?? '';
  return <AdminGate page="activities">{(ctx) => <AttendanceView activityId={activityId} {...ctx} />}</AdminGate>;
}
