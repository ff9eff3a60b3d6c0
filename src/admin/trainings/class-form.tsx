// The form of a training class (the 工委 admin): opening one (培训台账) and editing one (培训班 page) take the same
// fields and checks; and calling a class off with a reason, after a confirm.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import type { TrainingClassRow } from '@/domain/api/training';
import type { TrainingKind } from '@/domain/register';
import { TRAINING_KINDS } from '@/domain/register';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { dateText } from '@/utils/time';
import { plainOptions, SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';

export interface ClassFields {
  title: string;
  kind: TrainingKind;
  startAt: string;
  endAt: string;
  place: string;
  capacity: number;
}

export interface ClassFormProps {
  /** The class being edited; none: a new one. */
  editing?: TrainingClassRow;
  onSubmit: (fields: ClassFields) => Promise<unknown>;
  onDone: () => void;
  onCancel?: () => void;
}

export function ClassForm({ editing, onSubmit, onDone, onCancel }: ClassFormProps) {
  const today = dateText(Date.now());
  // Times come as 2026-12-08T09:00:00+08:00: the day and the minute in Beijing time.
  const [title, setTitle] = useState(editing?.title ?? '');
  const [kind, setKind] = useState<TrainingKind>(editing?.kind ?? '千名科级党员干部大培训');
  const [startDay, setStartDay] = useState(editing?.startAt.slice(0, 10) ?? today);
  const [startTime, setStartTime] = useState(editing?.startAt.slice(11, 16) ?? '09:00');
  const [endDay, setEndDay] = useState(editing?.endAt.slice(0, 10) ?? today);
  const [endTime, setEndTime] = useState(editing?.endAt.slice(11, 16) ?? '17:00');
  const [place, setPlace] = useState(editing?.place ?? '');
  const [capacity, setCapacity] = useState(String(editing?.capacity ?? 100));
  const { busy, error, setError, submit } = useSave({ toast: editing ? '已保存' : '已开设', onDone });
  const save = () => {
    if (!title.trim()) return setError('请填写班次名称');
    if (!place.trim()) return setError('请填写培训地点');
    const seats = Number(capacity);
    if (!Number.isInteger(seats) || seats < 1) return setError('名额应为正整数');
    if (editing && seats < editing.enrolled) return setError(`已有 ${editing.enrolled} 人报名，名额不能少于已报名人数`);
    const startAt = `${startDay}T${startTime}:00+08:00`;
    const endAt = `${endDay}T${endTime}:00+08:00`;
    if (endAt <= startAt) return setError('结业时间必须晚于开班时间');
    void submit(() => onSubmit({ title: title.trim(), kind, startAt, endAt, place: place.trim(), capacity: seats }));
  };
  const verb = editing ? '保存修改' : '开设培训班';
  return (
    <View className="card admin-form">
      <View className="card__title">{editing ? '编辑培训班' : '开设培训班'}</View>
      <TextField
        label="班次名称"
        name="title"
        value={title}
        onChange={setTitle}
        placeholder="如：2026年第四季度第一期"
        maxLength={64}
      />
      <SelectField label="培训类别" options={plainOptions(TRAINING_KINDS)} value={kind} onChange={setKind} />
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
      <Text className="card__hint">
        {editing
          ? `名额不少于已报名的 ${editing.enrolled} 人；签到时间随开班时间调整，已有人签到后不能再改时间。`
          : '开班后 24 小时内扫码签到（报到），签到码在培训班页面打开。'}
      </Text>
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在保存…' : verb}
        onSubmit={save}
        cancelText="返回"
        onCancel={onCancel}
      />
    </View>
  );
}

/** Calls a class off: the reason, then a confirm; the class stays listed as 已取消. */
export function CancelClass({ c, onDone, onBack }: { c: TrainingClassRow; onDone: () => void; onBack: () => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = useSave({ toast: '已取消培训班', onDone });
  const confirm = async () => {
    if (!reason.trim()) return setError('请填写取消原因');
    const { confirm: yes } = await Taro.showModal({
      title: '取消培训班',
      content: `“${c.title}”取消后不再报名和签到，已报名的 ${c.enrolled} 人会在“我的培训”看到已取消。`,
      confirmText: '确认取消',
      cancelText: '再想想',
    });
    if (yes) void submit(() => call('register', 'cancelTrainingClass', { classId: c.classId, reason: reason.trim() }));
  };
  return (
    <View className="card admin-form">
      <View className="card__title">取消培训班</View>
      <TextField
        label="取消原因"
        name="reason"
        value={reason}
        onChange={setReason}
        placeholder="如：与全市重要会议冲突，另行安排"
        maxLength={100}
      />
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在取消…' : '确认取消培训'}
        onSubmit={() => void confirm()}
        cancelText="返回"
        onCancel={onBack}
      />
    </View>
  );
}
