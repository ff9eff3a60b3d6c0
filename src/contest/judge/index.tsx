// 评委评分: every entry of the competition with a 0–100 box per criterion; the judge's own unit's entries are shown
// as 回避 and a scored entry shows its scores (each entry is scored once).
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { NoPermission } from '@/components/no-permission';
import { PageShell } from '@/components/page-shell';
import { TextField } from '@/components/text-field';
import type { ContestCriterion, JudgingEntry } from '@/domain/api/contest';
import { contestJudgeTotal } from '@/domain/contest';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { queryParam } from '@/utils/orglife';
import '../contest.scss';

function ScoreForm({
  contestId,
  e,
  criteria,
  reload,
}: {
  contestId: string;
  e: JudgingEntry;
  criteria: ContestCriterion[];
  reload: () => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const { busy, error, setError, submit } = useSave({ toast: '评分已提交', onDone: reload });
  const parsed = Object.fromEntries(criteria.map((c) => [c.key, Number(values[c.key])]));
  const complete = criteria.every((c) => /^\d{1,3}$/.test(values[c.key] ?? '') && parsed[c.key] <= 100);
  const send = () => {
    if (!complete) return setError('请为每一项填写 0 到 100 的整数');
    void submit(() => call('contest', 'score', { contestId, entryId: e.entryId, scores: parsed }));
  };
  return (
    <View className="contest-score">
      {criteria.map((c) => (
        <TextField
          key={c.key}
          label={`${c.name}（权重 ${c.weight}，0–100 分）`}
          name={c.key}
          type="digit"
          value={values[c.key] ?? ''}
          onChange={(v) => {
            setError(null);
            setValues((all) => ({ ...all, [c.key]: v }));
          }}
          maxLength={3}
        />
      ))}
      <Text className="contest-score__total">
        加权得分：{complete ? contestJudgeTotal(criteria, parsed).toFixed(2) : '—'}（提交后不能修改）
      </Text>
      <FormActions
        error={error}
        busy={busy}
        submitText="提交评分"
        submitClassName="contest-score__submit"
        onSubmit={send}
      />
    </View>
  );
}

export default function ContestJudgePage() {
  const contestId = queryParam(useRouter().params.id);
  const state = useRemote(useCallback(() => call('contest', 'judging', { contestId }), [contestId]));
  return (
    <PageShell className="contest">
      {state.error?.code === 'PERMISSION_DENIED' && !state.data ? (
        <NoPermission who="本次评比的评委" />
      ) : (
        <LoadState state={state} loadingText="正在读取参赛项目…">
          {({ contest, criteria, entries }) => {
            const todo = entries.filter((e) => !e.excluded && e.scores === null).length;
            return (
              <>
                <View className="card">
                  <Text className="contest-title">{contest.title}</Text>
                  <Text className="contest-meta">
                    {entries.length === 0
                      ? '征集截止后才能评分。'
                      : todo === 0
                        ? '您已完成全部评分，谢谢！'
                        : `还有 ${todo} 个项目待评分；每个项目只评一次，本单位项目回避。`}
                  </Text>
                </View>
                {entries.map((e) => (
                  <View key={e.entryId} className="card contest-entry">
                    <Text className="contest-entry__title">{e.title}</Text>
                    <Text className="contest-entry__org">{e.orgName}</Text>
                    <Text className="contest-entry__summary">{e.summary}</Text>
                    {e.excluded ? (
                      <Text className="contest-entry__excluded">本单位项目，按规定回避，不评分</Text>
                    ) : e.scores ? (
                      <Text className="contest-entry__scored">
                        已评：{criteria.map((c) => `${c.name} ${e.scores?.[c.key] ?? ''}`).join('，')}；加权得分{' '}
                        {e.total?.toFixed(2)}
                      </Text>
                    ) : (
                      <ScoreForm contestId={contest.contestId} e={e} criteria={criteria} reload={state.reload} />
                    )}
                  </View>
                ))}
              </>
            );
          }}
        </LoadState>
      )}
    </PageShell>
  );
}
