// One organisation's term (工委 and its secretaries): the current term with its reminder days, the elections recorded,
// and the form that records an election (which starts the new term) or corrects the registered term.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { ElectionRow, TermDetail } from '@/domain/api/register';
import type { OrgKind } from '@/domain/register';
import { DEFAULT_TERM_YEARS, ORG_KINDS, TERM_STATE_LABELS } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { dateText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { Segmented } from '../shared/segmented';
import { SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import '../register-terms/index.scss';

type Mode = 'election' | 'term';

const MODES = [
  { value: 'election', label: '记录换届选举' },
  { value: 'term', label: '更正本届任期' },
] as const;

const KIND_OPTIONS = ORG_KINDS.map((k) => ({ value: k, label: `${k}（默认任期 ${DEFAULT_TERM_YEARS[k]} 年）` }));
const YEAR_OPTIONS = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 年` }));

/** Committee members as typed: separated by 、，, or spaces. */
function names(text: string): string[] {
  return text
    .split(/[、，,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function TermCard({ t }: { t: TermDetail }) {
  return (
    <View className="card">
      <View className="admin-list__row">
        <View className="admin-list__main">
          <Text className="admin-list__name">{t.orgName}</Text>
        </View>
        <Text className={`terms__state terms__state--${t.state}`}>{TERM_STATE_LABELS[t.state]}</Text>
      </View>
      {t.endsOn ? (
        <>
          <Text className="term-line">
            {t.orgKind} · {t.electedOn} 选举 · 任期 {t.termYears} 年 · {t.endsOn} 届满
          </Text>
          <Text className="term-line">书记：{t.secretaryName}</Text>
          <Text className="term-line">委员：{t.committee.length ? t.committee.join('、') : '未填写'}</Text>
          {t.reminderDays && (
            <Text className="term-line">
              提醒日：{t.reminderDays[6]}（届满前 6 个月）、{t.reminderDays[3]}（3 个月）、{t.reminderDays[1]}（1 个月）
            </Text>
          )}
          {t.remindedMonths && (
            <Text className="term-line">
              已于 {t.remindedOn} 发出届满前 {t.remindedMonths} 个月的提醒
            </Text>
          )}
        </>
      ) : (
        <Text className="term-line">尚未登记本届任期。请记录最近一次换届选举，或按纸质台账登记本届任期。</Text>
      )}
    </View>
  );
}

function Election({ e }: { e: ElectionRow }) {
  return (
    <View className="term-election">
      <Text className="admin-list__name">{e.heldOn} 选举</Text>
      <Text className="term-line">
        应到 {e.expected} 人，实到 {e.present} 人（{e.rate}%）
        <Text className={e.quorate ? '' : 'term-election__quorum--no'}>
          {e.quorate ? ' · 到会人数有效' : ' · 未超过五分之四'}
        </Text>
      </Text>
      <Text className="term-line">
        书记：{e.secretaryName}
        {e.committee.length ? `；委员：${e.committee.join('、')}` : ''}
      </Text>
      <Text className="term-line">结果：{e.result}</Text>
      {e.approval && <Text className="term-line">批复：{e.approval}</Text>}
    </View>
  );
}

function Editor({ t, reload }: { t: TermDetail; reload: () => void }) {
  const [mode, setMode] = useState<Mode>(t.endsOn ? 'election' : 'term');
  const dayFor = (m: Mode) => (m === 'term' && t.electedOn ? t.electedOn : dateText(Date.now()));
  const [orgKind, setOrgKind] = useState<OrgKind>(t.orgKind ?? '党支部');
  const [termYears, setTermYears] = useState(String(t.termYears ?? DEFAULT_TERM_YEARS[t.orgKind ?? '党支部']));
  const [day, setDay] = useState(() => dayFor(mode));
  const [secretaryName, setSecretary] = useState(t.secretaryName ?? '');
  const [committee, setCommittee] = useState(t.committee.join('、'));
  const [expected, setExpected] = useState('');
  const [present, setPresent] = useState('');
  const [result, setResult] = useState('');
  const [approval, setApproval] = useState('');
  const saving = useSave({ onDone: reload });

  const pickMode = (m: Mode) => {
    setMode(m);
    setDay(dayFor(m));
  };
  const pickKind = (k: string) => {
    setOrgKind(k as OrgKind);
    setTermYears(String(DEFAULT_TERM_YEARS[k as OrgKind]));
  };
  const base = {
    orgId: t.orgId,
    orgKind,
    termYears: Number(termYears),
    secretaryName: secretaryName.trim(),
    committee: names(committee),
  };
  const save = () =>
    saving.submit(
      () =>
        mode === 'term'
          ? call('register', 'saveTerm', { ...base, electedOn: day })
          : call('register', 'recordElection', {
              ...base,
              heldOn: day,
              expected: Number(expected),
              present: Number(present),
              result: result.trim(),
              ...(approval.trim() ? { approval: approval.trim() } : {}),
            }),
      (out) => Taro.showToast({ title: `已保存，任期至 ${out.endsOn}`, icon: 'none' }),
    );

  return (
    <View className="card admin-form">
      <Segmented options={MODES} value={mode} onChange={pickMode} />
      <SelectField label="组织类别" options={KIND_OPTIONS} value={orgKind} onChange={pickKind} />
      <TimeField label="选举日期" mode="date" value={day} onChange={setDay} />
      <SelectField label="任期年限" options={YEAR_OPTIONS} value={termYears} onChange={setTermYears} />
      <TextField name="secretaryName" label="书记" value={secretaryName} onChange={setSecretary} maxLength={20} />
      <TextField
        name="committee"
        label="委员"
        value={committee}
        onChange={setCommittee}
        placeholder="姓名之间用顿号分隔"
        maxLength={400}
      />
      {mode === 'election' && (
        <>
          <View className="term-pair">
            <TextField name="expected" label="应到人数" type="number" value={expected} onChange={setExpected} />
            <TextField name="present" label="实到人数" type="number" value={present} onChange={setPresent} />
          </View>
          <TextField
            name="result"
            label="选举结果"
            value={result}
            onChange={setResult}
            placeholder="如：选举产生新一届支部委员会，某某当选书记"
            maxLength={500}
          />
          <TextField
            name="approval"
            label="上级批复（选填）"
            value={approval}
            onChange={setApproval}
            placeholder="批复文号或批复情况"
            maxLength={100}
          />
        </>
      )}
      <FormActions
        error={saving.error}
        busy={saving.busy}
        submitClassName="term-save"
        submitText={mode === 'term' ? '保存任期' : '保存选举记录'}
        onSubmit={save}
        onCancel={() => Taro.navigateBack()}
      />
    </View>
  );
}

function TermView({ orgId }: { orgId: string }) {
  const state = useRemote(useCallback(() => call('register', 'term', { orgId }), [orgId]));
  return (
    <LoadState state={state} loadingText="正在加载任期…">
      {({ term, elections }) => (
        <>
          <TermCard t={term} />
          <Editor key={`${term.electedOn}-${elections.length}`} t={term} reload={state.reload} />
          <View className="card">
            <View className="card__title">选举记录</View>
            {elections.length === 0 ? (
              <Text className="muted">还没有记录过选举。</Text>
            ) : (
              elections.map((e) => <Election key={e.electionId} e={e} />)
            )}
          </View>
        </>
      )}
    </LoadState>
  );
}

export default function TermFormPage() {
  const orgId = useRouter().params.orgId ?? '';
  return (
    <AdminGate page="register" className="terms">
      {() => <TermView orgId={orgId} />}
    </AdminGate>
  );
}
