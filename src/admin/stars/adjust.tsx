// 积分调整 (admins): add or take off points for one member with a reason. Nothing in the ledger is edited or deleted;
// a correction is a new entry that everyone sees in 我的积分 with its reason.
import { useState } from 'react';
import { View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import type { StarsView } from '@/domain/api';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { Segmented } from '../shared/segmented';
import { SelectField } from '../shared/select-field';

type Sign = 'add' | 'take';
const SIGNS = [
  { value: 'add' as const, label: '加分' },
  { value: 'take' as const, label: '扣分' },
];
const newRequestId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/** The contract's largest single adjustment (ADJUST_MAX; not imported, to keep schema code out of the app). */
const MAX_POINTS = 1000;

export function AdjustPoints({ view, onDone }: { view: StarsView; onDone: () => void }) {
  const [memberId, setMemberId] = useState('');
  const [sign, setSign] = useState<Sign>('add');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  // One id per adjustment on screen: a retry after a lost answer cannot add it twice; a new one after success.
  const [requestId, setRequestId] = useState(newRequestId);
  const state = useSave({
    toast: '已调整',
    onDone: () => {
      setAmount('');
      setReason('');
      setRequestId(newRequestId());
      onDone();
    },
  });

  const save = () => {
    const n = Number(amount);
    if (!memberId) return state.setError('请选择党员');
    if (!Number.isInteger(n) || n < 1 || n > MAX_POINTS) return state.setError(`分值应为 1–${MAX_POINTS} 的整数`);
    if (!reason.trim()) return state.setError('请写明调整原因（党员在积分明细中能看到）');
    void state.submit(() =>
      call('points', 'adjust', { memberId, points: sign === 'add' ? n : -n, reason: reason.trim(), requestId }),
    );
  };

  return (
    <View className="card stars-adjust">
      <View className="card__title">积分调整</View>
      <SelectField
        label="党员"
        options={view.rows.map((r) => ({ value: r.memberId, label: `${r.name}（${r.points} 分）` }))}
        value={memberId}
        placeholder="选择党员"
        onChange={setMemberId}
      />
      <Segmented options={SIGNS} value={sign} onChange={setSign} />
      <TextField label="分值" type="digit" value={amount} onChange={setAmount} maxLength={4} placeholder="如：2" />
      <TextField
        label="原因"
        value={reason}
        onChange={setReason}
        maxLength={100}
        placeholder="如：补记 3 月党课出勤（签到设备故障）"
        hint="记录不会被修改或删除；记错了再调整一笔抵消即可。"
      />
      <FormActions
        error={state.error}
        busy={state.busy}
        submitText="确认调整"
        submitClassName="stars-adjust__submit"
        onSubmit={save}
      />
    </View>
  );
}
