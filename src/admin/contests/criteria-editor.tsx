// The weighted criteria of a competition as rows to edit: a name and a weight each, add and remove, the weights'
// sum shown and checked (100) before anything is sent. Used by 新建评比 and by 修改评分项 while entries are open.
import { useCallback, useState } from 'react';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import type { ContestCriterion } from '@/domain/api/contest';
import { CONTEST_CRITERIA_TOTAL, contestCriteriaProblem } from '@/domain/contest';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';

export interface CriterionRow {
  /** The stored code of a criterion (kept when edited); empty for a new row. */
  key: string;
  name: string;
  weight: string;
}

export const DEFAULT_CRITERIA: CriterionRow[] = [
  { key: 'innovation', name: '创新性', weight: '30' },
  { key: 'effect', name: '实效性', weight: '40' },
  { key: 'model', name: '示范性', weight: '30' },
];

const MAX_CRITERIA = 10;

export function criterionRows(criteria: readonly ContestCriterion[]): CriterionRow[] {
  return criteria.map((c) => ({ key: c.key, name: c.name, weight: String(c.weight) }));
}

/**
 * The criteria to send, or what is wrong with the rows: a name and a whole weight 1–100 each, the weights adding up to
 * 100; a new row gets the first free code c1, c2 ….
 *
 * @example criteriaOf([{ key: '', name: '创新性', weight: '100' }]) // { criteria: [{ key: 'c1', name: '创新性', weight: 100 }] }
 */
export function criteriaOf(rows: readonly CriterionRow[]): { criteria: ContestCriterion[] } | { error: string } {
  if (rows.length === 0) return { error: '请至少设一个评分项' };
  const used = new Set(rows.map((r) => r.key).filter(Boolean));
  let n = 0;
  const criteria: ContestCriterion[] = [];
  for (const [i, r] of rows.entries()) {
    const name = r.name.trim();
    const weight = Number(r.weight);
    if (!name) return { error: `请填写第 ${i + 1} 个评分项的名称` };
    if (!/^\d+$/.test(r.weight.trim()) || weight < 1 || weight > 100)
      return { error: `“${name}”的权重应为 1 到 100 的整数` };
    let key = r.key;
    while (!key) {
      const next = `c${++n}`;
      if (!used.has(next)) key = next;
    }
    criteria.push({ key, name, weight });
  }
  const problem = contestCriteriaProblem(criteria);
  return problem ? { error: problem } : { criteria };
}

export function CriteriaEditor({
  rows,
  onChange,
}: {
  rows: readonly CriterionRow[];
  onChange: (rows: CriterionRow[]) => void;
}) {
  const set = (i: number, patch: Partial<CriterionRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sum = rows.reduce((s, r) => s + (Number(r.weight) || 0), 0);
  return (
    <View className="field criteria">
      <Text className="field__label">评分项及权重（%，合计 {CONTEST_CRITERIA_TOTAL}）</Text>
      {rows.map((r, i) => (
        <View key={i} className="criteria__row">
          <View className="criteria__name field__box">
            <Input
              name={`criterion-name-${i}`}
              value={r.name}
              maxLength={20}
              placeholder="评分项名称"
              onChange={(name) => set(i, { name })}
              ariaLabel={`第 ${i + 1} 个评分项名称`}
              nativeProps={{ 'aria-label': `第 ${i + 1} 个评分项名称` }}
            />
          </View>
          <View className="criteria__weight field__box">
            <Input
              name={`criterion-weight-${i}`}
              type="digit"
              value={r.weight}
              maxLength={3}
              placeholder="权重"
              onChange={(weight) => set(i, { weight })}
              ariaLabel={`第 ${i + 1} 个评分项权重`}
              nativeProps={{ 'aria-label': `第 ${i + 1} 个评分项权重` }}
            />
          </View>
          <View
            className="criteria__remove"
            ariaRole="button"
            ariaLabel={`删除第 ${i + 1} 个评分项`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <Text>删除</Text>
          </View>
        </View>
      ))}
      <View className="criteria__foot">
        <Text className={sum === CONTEST_CRITERIA_TOTAL ? 'criteria__sum' : 'criteria__sum criteria__sum--bad'}>
          合计 {sum}
        </Text>
        {rows.length < MAX_CRITERIA && (
          <View
            className="criteria__add"
            ariaRole="button"
            onClick={() => onChange([...rows, { key: '', name: '', weight: '' }])}
          >
            <Text>＋ 添加评分项</Text>
          </View>
        )}
      </View>
    </View>
  );
}

/** 修改评分项 of a competition still taking entries: its criteria read, edited and sent (refused once judging began). */
export function CriteriaEdit({ contestId, onClose }: { contestId: string; onClose: () => void }) {
  const state = useRemote(useCallback(() => call('contest', 'get', { contestId }), [contestId]));
  return (
    <LoadState state={state} variant="inline" loadingText="正在读取评分项…">
      {(d) => <CriteriaForm contestId={contestId} initial={criterionRows(d.criteria)} onClose={onClose} />}
    </LoadState>
  );
}

function CriteriaForm({
  contestId,
  initial,
  onClose,
}: {
  contestId: string;
  initial: CriterionRow[];
  onClose: () => void;
}) {
  const [rows, setRows] = useState(initial);
  const saving = useSave({ toast: '评分项已保存', onDone: onClose });
  const save = () => {
    const out = criteriaOf(rows);
    if ('error' in out) return saving.setError(out.error);
    void saving.submit(() => call('contest', 'setCriteria', { contestId, criteria: out.criteria }));
  };
  return (
    <View className="criteria-edit">
      <CriteriaEditor rows={rows} onChange={setRows} />
      <FormActions
        error={saving.error}
        busy={saving.busy}
        submitText="保存评分项"
        submitClassName="criteria__save"
        onSubmit={save}
        cancelText="取消"
        onCancel={onClose}
      />
    </View>
  );
}
