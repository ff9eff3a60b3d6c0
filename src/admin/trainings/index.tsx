// 培训台账 (工委 and secretaries): this quarter's coverage per organisation (one summary read on the server; a row
// shows its members not yet trained), the year's classes against the plan, and for the admin the form that opens a
// class with its check-in.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { TrainingClassRow } from '@/domain/api/training';
import type { CoverageRow, TrainingKind } from '@/domain/register/training';
import { TRAINING_KINDS, TRAINING_PHASE_LABELS } from '@/domain/register/training';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { dateText, shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import './index.scss';

function Untrained({ orgId }: { orgId: string }) {
  const state = useRemote(useCallback(() => call('register', 'untrainedMembers', { orgId }), [orgId]));
  return (
    <LoadState state={state} loadingText="正在读取…">
      {({ members, hasMore }) => (
        <Text className="admin-list__meta trainings__untrained">
          {members.length === 0 ? '本季度全部党员已参加培训' : `未培训：${members.map((m) => m.name).join('、')}`}
          {hasMore ? ' 等' : ''}
        </Text>
      )}
    </LoadState>
  );
}

function CoverageLine({ r }: { r: CoverageRow }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="trainings__org" onClick={() => setOpen(!open)}>
      <View className="admin-list__row">
        <View className="admin-list__main">
          <Text className="admin-list__name">{r.orgName}</Text>
          <Text className="admin-list__meta">
            党员 {r.members} 人，已培训 {r.trained} 人（{r.rate}%）
          </Text>
        </View>
        <Text className={`trainings__tag${r.untrained > 0 ? ' trainings__tag--warn' : ''}`}>
          {r.untrained > 0 ? `${r.untrained} 人未培训` : '全部已培训'}
        </Text>
      </View>
      {open && <Untrained orgId={r.orgId} />}
    </View>
  );
}

function Coverage() {
  const state = useRemote(useCallback(() => call('register', 'trainingCoverage', {}), []));
  const exporting = useSave({ errorToast: true });
  return (
    <LoadState state={state} loadingText="正在读取培训覆盖情况…">
      {({ label, rows, counts }) => (
        <View className="card">
          <View className="card__title">{label}培训覆盖</View>
          <Text className="card__hint">
            已培训 {counts.members - counts.untrained} / {counts.members} 人；{counts.orgs}{' '}
            个组织有未培训党员。点组织查看名单。
          </Text>
          {rows.length === 0 ? (
            <Text className="muted">您管理的组织中还没有党员。</Text>
          ) : (
            rows.map((r) => <CoverageLine key={r.orgId} r={r} />)
          )}
          <Button
            className="trainings__export"
            block
            loading={exporting.busy}
            disabled={exporting.busy}
            onClick={() =>
              exporting.submit(
                () => call('register', 'exportTrainingCoverage', {}),
                (out) => openExport(out.url, out.fileName),
              )
            }
          >
            导出覆盖情况（Excel）
          </Button>
        </View>
      )}
    </LoadState>
  );
}

function ClassRow({ c }: { c: TrainingClassRow }) {
  return (
    <View
      className="admin-list__row"
      onClick={() => Taro.navigateTo({ url: `/admin/training-class/index?classId=${encodeURIComponent(c.classId)}` })}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{c.title}</Text>
        <Text className="admin-list__meta">
          {c.kind} · <Text className="nowrap">{shortDateTimeText(c.startAt)}</Text> · {c.place}
        </Text>
        <Text className="admin-list__meta">
          已报名 {c.enrolled} / {c.capacity} 人
        </Text>
      </View>
      <Text className={`trainings__tag trainings__tag--${c.phase}`}>{TRAINING_PHASE_LABELS[c.phase]}</Text>
    </View>
  );
}

function NewClass({ onDone }: { onDone: () => void }) {
  const today = dateText(Date.now());
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<TrainingKind>('千名科级党员干部大培训');
  const [startDay, setStartDay] = useState(today);
  const [startTime, setStartTime] = useState('09:00');
  const [endDay, setEndDay] = useState(today);
  const [endTime, setEndTime] = useState('17:00');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('100');
  const { busy, error, setError, submit } = useSave({ toast: '已开设' });
  const save = () => {
    if (!title.trim()) return setError('请填写班次名称');
    if (!place.trim()) return setError('请填写培训地点');
    const seats = Number(capacity);
    if (!Number.isInteger(seats) || seats < 1) return setError('名额应为正整数');
    const startAt = `${startDay}T${startTime}:00+08:00`;
    const endAt = `${endDay}T${endTime}:00+08:00`;
    if (endAt <= startAt) return setError('结业时间必须晚于开班时间');
    void submit(
      () =>
        call('register', 'createTrainingClass', {
          title: title.trim(),
          kind,
          startAt,
          endAt,
          place: place.trim(),
          capacity: seats,
        }),
      ({ classId }) => {
        onDone();
        Taro.navigateTo({ url: `/admin/training-class/index?classId=${encodeURIComponent(classId)}` });
      },
    );
  };
  return (
    <View className="card admin-form">
      <View className="card__title">开设培训班</View>
      <TextField
        label="班次名称"
        name="title"
        value={title}
        onChange={setTitle}
        placeholder="如：2026年第四季度第一期"
        maxLength={64}
      />
      <SelectField
        label="培训类别"
        options={TRAINING_KINDS.map((k) => ({ value: k, label: k }))}
        value={kind}
        onChange={(v) => setKind(v as TrainingKind)}
      />
      <View className="trainings__times">
        <TimeField label="开班日期" mode="date" value={startDay} onChange={setStartDay} />
        <TimeField label="时间" mode="time" value={startTime} onChange={setStartTime} />
      </View>
      <View className="trainings__times">
        <TimeField label="结业日期" mode="date" value={endDay} onChange={setEndDay} />
        <TimeField label="时间" mode="time" value={endTime} onChange={setEndTime} />
      </View>
      <TextField
        label="培训地点"
        name="place"
        value={place}
        onChange={setPlace}
        placeholder="如：市委党校报告厅"
        maxLength={64}
      />
      <TextField
        label="名额（人）"
        name="capacity"
        type="number"
        value={capacity}
        onChange={setCapacity}
        maxLength={4}
      />
      <Text className="card__hint">开班后 24 小时内扫码签到（报到），签到码在培训班页面打开。</Text>
      <FormActions error={error} busy={busy} submitText={busy ? '正在开设…' : '开设培训班'} onSubmit={save} />
    </View>
  );
}

function Classes() {
  const state = useRemote(useCallback(() => call('register', 'trainingClasses', {}), []));
  useReloadOnReturn(state.reload);
  const [creating, setCreating] = useState(false);
  return (
    <LoadState state={state} loadingText="正在加载培训班…">
      {({ year, classes, plan, canCreate }) => (
        <>
          <View className="card">
            <View className="card__title">{year}年培训计划</View>
            {plan.map((l) => (
              <View key={l.label} className="admin-list__row">
                <Text className="admin-list__name">{l.label}</Text>
                <Text className={`trainings__tag${l.met ? ' trainings__tag--ended' : ' trainings__tag--warn'}`}>
                  {l.held} / {l.planned} 期
                </Text>
              </View>
            ))}
          </View>
          {canCreate &&
            (creating ? (
              <NewClass
                onDone={() => {
                  setCreating(false);
                  state.reload();
                }}
              />
            ) : (
              <Button className="trainings__new" type="primary" block onClick={() => setCreating(true)}>
                开设培训班
              </Button>
            ))}
          <View className="card">
            <View className="card__title">{year}年培训班</View>
            {classes.length === 0 ? (
              <Text className="muted">今年还没有开设培训班。</Text>
            ) : (
              classes.map((c) => <ClassRow key={c.classId} c={c} />)
            )}
          </View>
        </>
      )}
    </LoadState>
  );
}

export default function TrainingsPage() {
  return (
    <AdminGate page="training" className="trainings">
      {() => (
        <>
          <View className="admin-head">
            <View>
              <Text className="admin-head__title">培训台账</Text>
              <Text className="admin-head__sub">
                千名科级党员干部大培训每季度 2 期；书记、组织委员培训班每年 6–8 期；扫码签到即记为参训
              </Text>
            </View>
          </View>
          <Coverage />
          <Classes />
        </>
      )}
    </AdminGate>
  );
}
