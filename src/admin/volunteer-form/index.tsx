// 发布志愿服务活动: the organisation, title, 进社区/进农村/共建 with the partner named, date and times, place and places;
// its check-in activity is made with it. Then the activity's page.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import type { VolunteerMode } from '@/domain/register';
import { VOLUNTEER_CAPACITY_MAX, VOLUNTEER_MODES } from '@/domain/register';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { orgOptions } from '@/utils/org-tree';
import { rosterOrgIds } from '@/utils/roles';
import { dateText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { plainOptions, SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import '../volunteer/index.scss';

const PARTNER_HINT: Record<VolunteerMode, string> = {
  进社区: '如：幸福里社区',
  进农村: '如：东岭村',
  共建: '如：东岭村党支部',
};

function Form({ me, directory }: AdminContext) {
  const allowed = new Set(rosterOrgIds(me.roles, directory.orgs));
  const orgs = orgOptions(directory.orgs, (id) => allowed.has(id));
  const [orgId, setOrgId] = useState(orgs[0]?.value ?? '');
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<VolunteerMode>('进社区');
  const [partner, setPartner] = useState('');
  const [day, setDay] = useState(() => dateText(Date.now() + 86400_000));
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('11:30');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('20');
  const { busy, error, setError, submit: save } = useSave({ toast: '已发布' });

  const submit = () => {
    const places = Number(capacity);
    if (!orgId) return setError('请选择组织');
    if (!title.trim()) return setError('请填写活动名称');
    if (!partner.trim()) return setError(mode === '共建' ? '请填写共建的村（社区）党支部' : '请填写服务的社区或村');
    if (!place.trim()) return setError('请填写集合地点');
    if (end <= start) return setError('结束时间必须晚于开始时间');
    if (!Number.isInteger(places) || places < 1 || places > VOLUNTEER_CAPACITY_MAX)
      return setError(`名额应为 1–${VOLUNTEER_CAPACITY_MAX} 的整数`);
    void save(
      () =>
        call('register', 'volCreate', {
          orgId,
          title: title.trim(),
          mode,
          partner: partner.trim(),
          startAt: `${day}T${start}:00+08:00`,
          endAt: `${day}T${end}:00+08:00`,
          place: place.trim(),
          capacity: places,
        }),
      ({ activityId }) =>
        Taro.redirectTo({ url: `/admin/volunteer-activity/index?activityId=${encodeURIComponent(activityId)}` }),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">发布志愿服务活动</View>
      <SelectField label="组织" options={orgs} value={orgId} onChange={setOrgId} />
      <TextField
        label="活动名称"
        name="title"
        value={title}
        onChange={setTitle}
        placeholder="如：社区环境整治志愿服务"
        maxLength={40}
      />
      <SelectField label="服务类型" options={plainOptions(VOLUNTEER_MODES)} value={mode} onChange={setMode} />
      <TextField
        label={mode === '共建' ? '共建村（社区）党支部' : '服务的社区或村'}
        name="partner"
        value={partner}
        onChange={setPartner}
        placeholder={PARTNER_HINT[mode]}
        maxLength={40}
      />
      <TimeField label="日期" mode="date" value={day} onChange={setDay} />
      <View className="vol-pair">
        <TimeField label="开始" mode="time" value={start} onChange={setStart} />
        <TimeField label="结束" mode="time" value={end} onChange={setEnd} />
      </View>
      <TextField
        label="集合地点"
        name="place"
        value={place}
        onChange={setPlace}
        placeholder="如：社区服务中心门口"
        maxLength={64}
      />
      <TextField
        label="名额（人）"
        name="capacity"
        type="number"
        value={capacity}
        onChange={setCapacity}
        maxLength={3}
      />
      <Text className="card__hint">额满后报名的党员进入候补，有人取消时按报名先后自动递补。签到码在活动页打开。</Text>
      <FormActions error={error} busy={busy} submitText={busy ? '正在发布…' : '发布活动'} onSubmit={submit} />
    </View>
  );
}

export default function VolunteerFormPage() {
  return <AdminGate page="volunteer">{(ctx) => <Form {...ctx} />}</AdminGate>;
}
