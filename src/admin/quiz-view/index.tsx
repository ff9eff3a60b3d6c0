// 竞赛详情: the competition's rules (from quiz.listQuizzes), its leaderboard (个人 / 支部) and the attempts flagged as
// suspiciously fast (quiz.flagged), for the admin to look into.
import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { QuizBoard } from '@/components/quiz-board';
import type { FlaggedAttempt, QuizSummary } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { CallError } from '@/services/call-error';
import type { OrgDirectory } from '@/services/session';
import { durationText, PHASE_LABELS } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import '../../components/quiz-ui/index.scss';
import '../quiz/index.scss';

function Rules({ q, directory }: { q: QuizSummary; directory: OrgDirectory }) {
  const orgNames = q.orgIds?.map((id) => directory.orgs.find((o) => o.orgId === id)?.name ?? id);
  return (
    <View className="card">
      <View className="admin-head quiz-view__head">
        <Text className="admin-head__title">{q.title}</Text>
        <Text className={`quiz-phase quiz-phase--${q.phase}`}>{PHASE_LABELS[q.phase]}</Text>
      </View>
      <Text className="admin-list__meta">
        {shortDateTimeText(q.startAt)} 至 {shortDateTimeText(q.endAt)}
      </Text>
      <Text className="admin-list__meta">
        每人 {q.questionCount} 题 · 限时 {Math.round(q.timeLimitSec / 60)} 分钟 · 可答 {q.maxAttempts} 次
      </Text>
      <Text className="admin-list__meta">参赛组织：{orgNames?.join('、') ?? '全部组织'}</Text>
      {q.tags && <Text className="admin-list__meta">出题范围：{q.tags.join('、')}</Text>}
    </View>
  );
}

function Flagged({ attempts, directory }: { attempts: FlaggedAttempt[]; directory: OrgDirectory }) {
  return (
    <View className="card quiz-flags">
      <View className="card__title">疑似过快作答（{attempts.length}）</View>
      <Text className="card__hint">
        平均每题用时过短的答卷，请核实是否为代答或作弊。成绩仍计入排行榜，以便核实后处理。
      </Text>
      {attempts.length === 0 && <Text className="quiz-empty">没有可疑答卷。</Text>}
      {attempts.map((a) => (
        <View key={a.attemptId} className="quiz-flag__row">
          <View className="quiz-flag__head">
            <Text className="quiz-flag__name">{a.name}</Text>
            <Text className="quiz-flag__speed">
              每题{a.msPerQuestion < 100 ? '不到 0.1' : ` ${(a.msPerQuestion / 1000).toFixed(1)}`} 秒
            </Text>
          </View>
          <Text className="quiz-flag__meta">
            {directory.orgs.find((o) => o.orgId === a.orgId)?.name ?? ''} · {a.score} 分 · 用时{' '}
            {durationText(a.durationMs)} · 交卷 {shortDateTimeText(a.submittedAt)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function QuizView({ quizId, directory }: { quizId: string; directory: OrgDirectory }) {
  const quiz = useRemote(
    useCallback(async () => {
      const { quizzes } = await call('quiz', 'listQuizzes', {});
      const found = quizzes.find((q) => q.quizId === quizId);
      if (!found) throw new CallError('NOT_FOUND', '竞赛不存在或已删除');
      return found;
    }, [quizId]),
  );
  const flagged = useRemote(useCallback(() => call('quiz', 'flagged', { quizId }), [quizId]));
  return (
    <>
      <LoadState state={quiz} variant="inline">
        {(q) => <Rules q={q} directory={directory} />}
      </LoadState>
      <View className="card__title quiz-view__section">排行榜</View>
      <QuizBoard quizId={quizId} />
      <LoadState state={flagged} variant="inline">
        {({ attempts }) => <Flagged attempts={attempts} directory={directory} />}
      </LoadState>
    </>
  );
}

export default function QuizViewPage() {
  const quizId = decodeURIComponent(useRouter().params.id ?? '');
  return <AdminGate page="quiz">{({ directory }) => <QuizView quizId={quizId} directory={directory} />}</AdminGate>;
}
