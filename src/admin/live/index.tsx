// 现场赛主持: the sessions the caller may run (live.list) and 新建现场赛 — title, orgs, 支部 teams, rounds
// (必答/抢答/风险 with question count, seconds and tags) and scoring — drawn from the question bank on creation.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { OrgRow, RoundKind, Scoring } from '@/domain/api';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { LIVE_PHASE_LABELS, ROUND_HINTS, SCORING_LABELS } from '@/utils/live';
import { rosterOrgIds } from '@/utils/roles';
import { useSave } from '@/hooks/use-save';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { OrgCheckField } from '../shared/check-list';
import { Segmented } from '../shared/segmented';
import type { LiveFormValues, RoundValues } from './form';
import { defaultLiveForm, toLiveInput } from './form';
import './index.scss';
import { plainOptions } from '../shared/select-field';

const KINDS: RoundKind[] = ['必答', '抢答', '风险'];
const runUrl = (sessionId: string) => `/admin/live-run/index?id=${encodeURIComponent(sessionId)}`;

function RoundRow({
  index,
  round,
  onChange,
  onRemove,
}: {
  index: number;
  round: RoundValues;
  onChange: (r: RoundValues) => void;
  onRemove?: () => void;
}) {
  return (
    <View className="live-round">
      <View className="live-round__head">
        <Text className="live-round__title">第 {index + 1} 轮</Text>
        {onRemove && (
          <View className="live-round__remove" ariaRole="button" onClick={onRemove}>
            删除此轮
          </View>
        )}
      </View>
      <Segmented<RoundKind>
        options={plainOptions(KINDS)}
        value={round.kind}
        onChange={(kind) => onChange({ ...round, kind, questionCount: kind === '风险' ? '3' : round.questionCount })}
      />
      <Text className="card__hint">{ROUND_HINTS[round.kind]}</Text>
      <View className="live-round__pair">
        <TextField
          type="digit"
          label="题数"
          value={round.questionCount}
          onChange={(questionCount) => onChange({ ...round, questionCount })}
          maxLength={2}
          clearable={false}
          name={`round-${index}-count`}
        />
        <TextField
          type="digit"
          label="每题秒数"
          value={round.seconds}
          onChange={(seconds) => onChange({ ...round, seconds })}
          maxLength={3}
          clearable={false}
          name={`round-${index}-seconds`}
        />
      </View>
      <TextField
        label="出题标签（选填，多个用逗号分隔）"
        value={round.tags}
        onChange={(tags) => onChange({ ...round, tags })}
        placeholder="如：党章, 党规党纪"
        maxLength={100}
        name={`round-${index}-tags`}
      />
    </View>
  );
}

function CreateForm({ orgs, onCancel }: { orgs: OrgRow[]; onCancel: () => void }) {
  const [v, setV] = useState<LiveFormValues>(defaultLiveForm);
  const set = (patch: Partial<LiveFormValues>) => setV({ ...v, ...patch });
  const setRound = (i: number, r: RoundValues) => set({ rounds: v.rounds.map((x, j) => (j === i ? r : x)) });
  const { busy, error, setError, submit } = useSave({ toast: '已创建' });

  const save = () => {
    const { input, error: problem } = toLiveInput(v);
    if (!input) return setError(problem ?? '请检查填写的内容');
    void submit(
      () => call('live', 'createSession', input),
      ({ sessionId }) => Taro.navigateTo({ url: runUrl(sessionId) }).then(() => undefined),
    );
  };

  return (
    <View className="card admin-form live-form">
      <View className="card__title">新建现场赛</View>
      <TextField
        label="名称"
        value={v.title}
        onChange={(title) => set({ title })}
        placeholder="如：庆祝建党99周年现场知识竞赛"
        maxLength={64}
        name="live-title"
      />
      <Text className="field__label">成绩</Text>
      <Segmented<'teams' | 'solo'>
        options={[
          { value: 'teams', label: '个人 + 支部团体' },
          { value: 'solo', label: '只计个人' },
        ]}
        value={v.teams ? 'teams' : 'solo'}
        onChange={(m) => set({ teams: m === 'teams' })}
      />
      <Text className="card__hint">支部团体成绩取该支部参赛党员的平均分，人少的支部不吃亏。</Text>
      <Text className="field__label live-form__label">计分方式</Text>
      <Segmented<Scoring>
        options={[
          { value: 'accuracy', label: '正确率优先' },
          { value: 'speed', label: '速度计分' },
        ]}
        value={v.scoring}
        onChange={(scoring) => set({ scoring })}
      />
      <Text className="card__hint">{SCORING_LABELS[v.scoring]}</Text>
      {v.scoring === 'speed' && (
        <Segmented<'off' | 'on'>
          options={[
            { value: 'off', label: '不加连对奖励' },
            { value: 'on', label: '连续答对加分' },
          ]}
          value={v.streakBonus ? 'on' : 'off'}
          onChange={(m) => set({ streakBonus: m === 'on' })}
        />
      )}
      <TextField
        type="digit"
        label="读题时间（秒，先显示题干，再显示选项）"
        value={v.readSeconds}
        onChange={(readSeconds) => set({ readSeconds })}
        maxLength={2}
        clearable={false}
        name="live-read"
      />
      {v.rounds.map((r, i) => (
        <RoundRow
          key={i}
          index={i}
          round={r}
          onChange={(next) => setRound(i, next)}
          onRemove={v.rounds.length > 1 ? () => set({ rounds: v.rounds.filter((_, j) => j !== i) }) : undefined}
        />
      ))}
      {v.rounds.length < 10 && (
        <Button
          className="live-form__add"
          fill="outline"
          block
          onClick={() => set({ rounds: [...v.rounds, { kind: '必答', questionCount: '5', seconds: '20', tags: '' }] })}
        >
          增加一轮
        </Button>
      )}
      <OrgCheckField orgs={orgs} picked={v.orgIds} onChange={(orgIds) => set({ orgIds })} className="live-form__orgs" />
      <FormActions
        error={error}
        busy={busy}
        submitText="从题库出题并创建"
        submitClassName="live-form__create"
        onSubmit={save}
        onCancel={onCancel}
      />
    </View>
  );
}

function Sessions({ orgs }: { orgs: OrgRow[] }) {
  const state = useRemote(useCallback(() => call('live', 'list', {}), []));
  useReloadOnReturn(state.reload);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <AdminHead title="现场赛" sub="七一知识竞赛：大屏幕出题，党员手机作答" />
      {creating ? (
        <CreateForm orgs={orgs} onCancel={() => setCreating(false)} />
      ) : (
        <Button className="live-list__new" type="primary" size="large" block onClick={() => setCreating(true)}>
          新建现场赛
        </Button>
      )}
      <LoadState state={state} variant="inline">
        {({ sessions }) => {
          const mine = sessions.filter((s) => s.canHost);
          return (
            <View className="card">
              <View className="card__title">我主持的现场赛（{mine.length}）</View>
              {mine.length === 0 && <Text className="muted">还没有现场赛。先导入题库，再点“新建现场赛”。</Text>}
              {mine.map((s) => (
                <View
                  key={s.sessionId}
                  className="admin-list__row live-list__row"
                  onClick={() => Taro.navigateTo({ url: runUrl(s.sessionId) })}
                >
                  <View className="admin-list__main">
                    <Text className="admin-list__name">{s.title}</Text>
                    <Text className="admin-list__meta">
                      {s.total} 题 · {s.teams ? '个人 + 支部' : '个人'} · 已加入 {s.joined} 人
                    </Text>
                  </View>
                  <Text className={`live-phase live-phase--${s.phase}`}>{LIVE_PHASE_LABELS[s.phase]}</Text>
                  <Text className="admin-list__action">主持</Text>
                </View>
              ))}
            </View>
          );
        }}
      </LoadState>
    </>
  );
}

export default function LiveAdminPage() {
  return (
    <AdminGate page="live">
      {({ me, directory }) => {
        // A secretary hosts for the own org and its branches; the server checks the same.
        const scope = new Set(rosterOrgIds(me.roles, directory.orgs));
        return <Sessions orgs={directory.orgs.filter((o) => scope.has(o.orgId))} />;
      }}
    </AdminGate>
  );
}
