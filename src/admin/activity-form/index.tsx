// 新建活动: title, kind, the branch, date and times, when scanning opens, and an optional place with a radius; then
// straight to the code screen.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import type { ActivityKind } from '@/domain/checkin';
import { ACTIVITY_KINDS } from '@/domain/checkin';
import { call } from '@/services/call';
import type { PickedPlace } from '@/services/checkin-device';
import { canPickPlace, pickPlace } from '@/services/checkin-device';
import { orgOptions } from '@/utils/org-tree';
import { rosterOrgIds } from '@/utils/roles';
import { dateText } from '@/utils/time';
import { useSave } from '@/hooks/use-save';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { plainOptions, SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import './index.scss';

const OPENS_BEFORE = [
  { value: '15', label: '开始前 15 分钟' },
  { value: '30', label: '开始前 30 分钟' },
  { value: '60', label: '开始前 1 小时' },
];
const RADII = [
  { value: '100', label: '100 米' },
  { value: '200', label: '200 米' },
  { value: '500', label: '500 米' },
];

function Form({ me, directory }: AdminContext) {
  const allowed = new Set(rosterOrgIds(me.roles, directory.orgs));
  const orgs = orgOptions(directory.orgs, (id) => allowed.has(id));
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ActivityKind>('主题党日');
  const [orgId, setOrgId] = useState(orgs[0]?.value ?? '');
  const [day, setDay] = useState(() => dateText(Date.now()));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:00');
  const [opens, setOpens] = useState('30');
  const [placeName, setPlaceName] = useState('');
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [radius, setRadius] = useState('200');
  const { busy, error, setError, submit: save } = useSave({ toast: '已创建' });

  const choosePlace = async () => {
    const picked = await pickPlace();
    if (picked) {
      setPlace(picked);
      if (!placeName.trim()) setPlaceName(picked.name);
    }
  };

  const submit = async () => {
    if (!title.trim()) return setError('请填写活动标题');
    if (!orgId) return setError('请选择参加的组织');
    if (end <= start) return setError('结束时间必须晚于开始时间');
    void save(
      () =>
        call('checkin', 'createActivity', {
          title: title.trim(),
          kind,
          orgIds: [orgId],
          startAt: `${day}T${start}:00+08:00`,
          endAt: `${day}T${end}:00+08:00`,
          opensBeforeMinutes: Number(opens),
          ...(placeName.trim() ? { place: placeName.trim() } : {}),
          ...(place
            ? { location: { latitude: place.latitude, longitude: place.longitude, radiusM: Number(radius) } }
            : {}),
        }),
      ({ activityId }) =>
        Taro.redirectTo({ url: `/admin/attendance/index?activityId=${encodeURIComponent(activityId)}` }),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">新建活动</View>
      <TextField
        label="活动标题"
        name="title"
        value={title}
        onChange={setTitle}
        placeholder="如：七月主题党日——重温入党誓词"
        maxLength={64}
      />
      <SelectField label="活动类型" options={plainOptions(ACTIVITY_KINDS)} value={kind} onChange={setKind} />
      <SelectField label="参加组织" options={orgs} value={orgId} onChange={setOrgId} />
      <TimeField label="日期" mode="date" value={day} onChange={setDay} />
      <View className="activity-form__times">
        <TimeField label="开始" mode="time" value={start} onChange={setStart} />
        <TimeField label="结束" mode="time" value={end} onChange={setEnd} />
      </View>
      <SelectField label="何时开始签到" options={OPENS_BEFORE} value={opens} onChange={setOpens} />
      <Text className="card__hint activity-form__hint">活动开始后扫码记为“迟到”，活动结束后不能再扫码（可补签）。</Text>
      <TextField
        label="地点（选填）"
        name="place"
        value={placeName}
        onChange={setPlaceName}
        placeholder="如：三楼党员活动室"
        maxLength={64}
      />
      {canPickPlace && (
        <>
          <Button className="activity-form__pick" block onClick={choosePlace}>
            {place ? `已选位置：${place.name}（点击重选）` : '在地图上选择位置（核对签到位置）'}
          </Button>
          {place && <SelectField label="签到范围" options={RADII} value={radius} onChange={setRadius} />}
        </>
      )}
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在创建…' : '创建活动'}
        submitClassName="activity-form__submit"
        onSubmit={submit}
      />
    </View>
  );
}

export default function ActivityFormPage() {
  return <AdminGate page="activities">{(ctx) => <Form {...ctx} />}</AdminGate>;
}
