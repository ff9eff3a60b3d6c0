// 民主评议投票: a member grades every assessed member of the branch 优秀 / 合格 / 基本合格 / 不合格 (the own row is the
// self-assessment) and submits one anonymous ballot, which a later one replaces until the window closes. What a
// ballot said is never shown again, not even to its voter: the form starts empty each time.
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BallotForm, ReviewGrade } from '@/domain/api';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { NoPermission } from '@/components/no-permission';
import { PageShell } from '@/components/page-shell';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { queryParam, REVIEW_PHASE_LABELS } from '@/utils/orglife';
import { REVIEW_GRADES } from '@/utils/points';
import { dayTimeText } from '@/utils/time';
import './index.scss';

function GradeRow({
  name,
  self,
  value,
  onChange,
}: {
  name: string;
  self: boolean;
  value: ReviewGrade | undefined;
  onChange: (g: ReviewGrade) => void;
}) {
  return (
    <View className={`vote-row${value ? '' : ' vote-row--todo'}`}>
      <Text className="vote-row__name">
        {name}
        {self && <Text className="vote-row__self">（自评）</Text>}
      </Text>
      <View className="vote-grades" ariaRole="radiogroup" ariaLabel={`${name}的评议等次`}>
        {REVIEW_GRADES.map((g, i) => (
          <View
            key={g}
            className={`vote-grade vote-grade--${i}${value === g ? ' vote-grade--on' : ''}`}
            ariaRole="radio"
            ariaChecked={value === g ? 'true' : 'false'}
            ariaLabel={`${name}：${g}`}
            onClick={() => onChange(g)}
          >
            {g}
          </View>
        ))}
      </View>
    </View>
  );
}

function Ballot({ form, reload }: { form: BallotForm; reload: () => void }) {
  const [grades, setGrades] = useState<Record<string, ReviewGrade>>({});
  const [done, setDone] = useState<boolean | null>(null);
  const { busy, error, setError, submit } = useSave({ toast: '投票成功', onDone: reload });
  const left = form.candidates.filter((c) => !grades[c.memberId]).length;
  const open = form.phase === 'open';

  const send = () => {
    if (left > 0) return setError(`还有 ${left} 名党员未评价，请逐一选择等次`);
    void submit(
      () =>
        call('orglife', 'vote', {
          reviewId: form.reviewId,
          grades: form.candidates.map((c) => ({ memberId: c.memberId, grade: grades[c.memberId] })),
        }),
      ({ replaced }) => {
        setDone(replaced);
        setGrades({});
      },
    );
  };

  return (
    <>
      <View className="card">
        <Text className={`vote-phase vote-phase--${form.phase}`}>{REVIEW_PHASE_LABELS[form.phase]}</Text>
        <Text className="vote-title">
          {form.orgName} · {form.year} 年度民主评议党员
        </Text>
        <Text className="vote-meta">
          投票时间 {dayTimeText(form.startAt)} 至 {dayTimeText(form.endAt)}
        </Text>
        {form.voted && (
          <Text className="vote-voted">
            {done === null ? '您已投票。' : done ? '已用新选票替换您之前的选票。' : '投票成功。'}
            {open ? `截止前可以重新投票，新选票替换之前的选票。` : ''}
          </Text>
        )}
        <Text className="card__hint">
          不记名投票：选票不记录投票人，任何人（包括支部书记）都看不到您投了什么，您自己提交后也看不到，所以重新投票时需要重新选择。
        </Text>
      </View>
      {form.phase === 'upcoming' && (
        <View className="card">
          <Text className="muted">投票将于 {dayTimeText(form.startAt)} 开始，届时再来。</Text>
        </View>
      )}
      {form.phase === 'closed' && (
        <View className="card">
          <Text className="muted">投票已结束，评议结果由支部研究后公布。</Text>
        </View>
      )}
      {open && (
        <View className="card">
          <View className="card__title">
            评议党员（{form.candidates.length - left} / {form.candidates.length}）
          </View>
          {form.candidates.map((c) => (
            <GradeRow
              key={c.memberId}
              name={c.name}
              self={c.self}
              value={grades[c.memberId]}
              onChange={(g) => {
                setError(null);
                setGrades((all) => ({ ...all, [c.memberId]: g }));
              }}
            />
          ))}
          <FormActions
            error={error}
            busy={busy}
            submitText={form.voted ? '重新投票' : '提交选票'}
            submitClassName="vote-submit"
            onSubmit={send}
          />
        </View>
      )}
    </>
  );
}

export default function VotePage() {
  const reviewId = queryParam(useRouter().params.reviewId);
  const state = useRemote(useCallback(() => call('orglife', 'ballot', { reviewId }), [reviewId]));
  return (
    <PageShell className="vote">
      {state.error?.code === 'PERMISSION_DENIED' && !state.data ? (
        <NoPermission who="本支部党员" />
      ) : (
        <LoadState state={state} loadingText="正在读取选票…">
          {(form) => <Ballot form={form} reload={state.reload} />}
        </LoadState>
      )}
    </PageShell>
  );
}
