// 微信测评管理: the campaign list (rating.list) and a form to create one (rating.createCampaign).
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import { LoadState } from '@/components/load-state';
import type { CampaignSummary, DepartmentRow } from '@/domain/api';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { dateText } from '@/utils/time';
import { useSave } from '@/hooks/use-save';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { CheckList } from '../shared/check-list';
import { Segmented } from '../shared/segmented';
import { TimeField } from '../shared/time-field';
import { parseWeights, RATING_INDICATOR_PRESETS } from './form';
import './index.scss';

const STATUS_LABELS: Record<CampaignSummary['status'], string> = {
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
};

function CreateForm({ departments, onDone }: { departments: DepartmentRow[]; onDone: (id?: string) => void }) {
  const today = dateText(Date.now());
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState(dateText(Date.now() + 14 * 86400_000));
  const [picked, setPicked] = useState<string[]>(departments.map((d) => d.departmentId));
  const [weights, setWeights] = useState<Record<string, string>>(
    Object.fromEntries(RATING_INDICATOR_PRESETS.map((p) => [p.key, '1'])),
  );
  const [minVotes, setMinVotes] = useState('30');
  const [sources, setSources] = useState({ wechat: '50', inspection: '30', survey: '20' });
  const [who, setWho] = useState<'anyone' | 'served'>('anyone');
  const { busy, error, setError, submit } = useSave({ toast: '已创建' });

  const save = async () => {
    const t = title.trim();
    if (!t) return setError('请填写测评名称');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(endDate))
      return setError('日期格式应为 2020-07-01');
    if (picked.length === 0) return setError('请至少选择一个参评部门');
    const indicators = parseWeights(weights);
    if (indicators.length === 0) return setError('请至少保留一项指标（权重大于 0）');
    const mv = Number(minVotes);
    if (!Number.isInteger(mv) || mv < 1) return setError('最低样本量应为正整数');
    const sw = {
      wechat: Number(sources.wechat),
      inspection: Number(sources.inspection),
      survey: Number(sources.survey),
    };
    if (Object.values(sw).some((x) => !Number.isFinite(x) || x < 0 || x > 100)) return setError('来源权重应为 0–100');
    void submit(
      () =>
        call('rating', 'createCampaign', {
          title: t,
          departmentIds: departments.map((d) => d.departmentId).filter((id) => picked.includes(id)),
          indicators,
          startAt: `${startDate}T00:00:00+08:00`,
          endAt: `${endDate}T23:59:59+08:00`,
          minVotes: mv,
          sourceWeights: sw,
          ...(who === 'served' ? { servedOnly: true } : {}),
        }),
      ({ campaignId }) => onDone(campaignId),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">新建测评</View>
      <TextField
        label="测评名称"
        value={title}
        onChange={setTitle}
        placeholder="如：2020年政风行风评议"
        maxLength={64}
      />
      <View className="rating-admin__pair">
        <TimeField label="开始日期" mode="date" value={startDate} onChange={setStartDate} />
        <TimeField label="结束日期" mode="date" value={endDate} onChange={setEndDate} />
      </View>
      <View className="field">
        <Text className="field__label">参评部门（已选 {picked.length} 个）</Text>
        {departments.length === 0 && <Text className="muted">尚未录入部门，请先在“部门管理”中添加。</Text>}
        <CheckList
          items={departments.map((d) => ({ value: d.departmentId, label: d.name }))}
          picked={picked}
          onChange={setPicked}
        />
      </View>
      <View className="field">
        <Text className="field__label">谁可以评价</Text>
        <Segmented
          options={[
            { value: 'anyone', label: '所有群众' },
            { value: 'served', label: '办过事的群众' },
          ]}
          value={who}
          onChange={setWho}
        />
        {who === 'served' && (
          <Text className="field__hint">
            只有在“民声热线”反映过问题、并由该部门答复的群众才能评价该部门，评价更有依据、更难刷票。
          </Text>
        )}
      </View>
      <View className="field">
        <Text className="field__label">测评指标与权重（权重填 0 表示不用该指标）</Text>
        {RATING_INDICATOR_PRESETS.map((p) => (
          <View key={p.key} className="rating-admin__weight">
            <Text className="rating-admin__weight-name">{p.name}</Text>
            <View className="field__box rating-admin__weight-box">
              <Input
                value={weights[p.key]}
                onChange={(v) => setWeights({ ...weights, [p.key]: v })}
                type="digit"
                maxLength={5}
                placeholder="0"
              />
            </View>
          </View>
        ))}
      </View>
      <Text className="field__label">三类来源的权重</Text>
      <View className="rating-admin__pair rating-admin__pair--3">
        <TextField
          type="digit"
          maxLength={8}
          clearable={false}
          label="微信测评"
          value={sources.wechat}
          onChange={(v) => setSources({ ...sources, wechat: v })}
        />
        <TextField
          type="digit"
          maxLength={8}
          clearable={false}
          label="明察暗访"
          value={sources.inspection}
          onChange={(v) => setSources({ ...sources, inspection: v })}
        />
        <TextField
          type="digit"
          maxLength={8}
          clearable={false}
          label="第三方"
          value={sources.survey}
          onChange={(v) => setSources({ ...sources, survey: v })}
        />
      </View>
      <TextField
        type="digit"
        maxLength={8}
        clearable={false}
        label="最低样本量"
        value={minVotes}
        onChange={setMinVotes}
        hint="微信测评人数少于此数的部门显示“样本不足”，不参与排名"
      />
      <FormActions
        error={error}
        busy={busy}
        submitText="创建"
        submitClassName="rating-admin__create"
        onSubmit={save}
        onCancel={() => onDone()}
      />
    </View>
  );
}

function Campaigns({ departments }: { departments: DepartmentRow[] }) {
  const fetcher = useCallback(() => call('rating', 'list', {}), []);
  const state = useRemote(fetcher);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <AdminHead title="微信测评" sub="政风行风评议活动">
        {!creating && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建测评
          </Button>
        )}
      </AdminHead>
      {creating && (
        <CreateForm
          departments={departments}
          onDone={(id) => {
            setCreating(false);
            if (id) state.reload();
          }}
        />
      )}
      <LoadState state={state} variant="inline">
        {({ campaigns }) => (
          <View className="card">
            {campaigns.length === 0 && <Text className="muted">还没有测评活动。点击“新建测评”开始。</Text>}
            {campaigns.map((c) => (
              <View key={c.campaignId} className="admin-list__row">
                <View className="admin-list__main">
                  <Text className="admin-list__name">{c.title}</Text>
                  <Text className="admin-list__meta">
                    {STATUS_LABELS[c.status]} · {dateText(c.startAt)} 至 {dateText(c.endAt)} · {c.departmentCount}{' '}
                    个部门
                    {c.published ? ' · 已公布' : ''}
                  </Text>
                </View>
                <View
                  className="admin-list__action"
                  onClick={() => Taro.navigateTo({ url: `/admin/rating-campaign/index?id=${c.campaignId}` })}
                >
                  管理
                </View>
              </View>
            ))}
          </View>
        )}
      </LoadState>
    </>
  );
}

export default function RatingAdminPage() {
  return <AdminGate page="rating">{({ directory }) => <Campaigns departments={directory.departments} />}</AdminGate>;
}
