// 知识竞赛: each competition with its phase, window, rules and the caller's attempts and best score, and the buttons
// 开始答题 / 继续答题 / 查看成绩 / 排行榜. A new attempt counts against the limit, so it is confirmed first.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { QuizSummary } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { PHASE_LABELS } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import '../../components/quiz-ui/index.scss';
import './index.scss';

const answerUrl = (quizId: string) => `/pages/quiz-answer/index?quizId=${encodeURIComponent(quizId)}`;

async function startNew(q: QuizSummary) {
  const used = q.mine?.attemptsUsed ?? 0;
  const { confirm } = await Taro.showModal({
    confirmColor: '#c8161d',
    title: used > 0 ? '再答一次' : '开始答题',
    content: `共 ${q.questionCount} 题，限时 ${Math.round(q.timeLimitSec / 60)} 分钟，开始后计时不能暂停。这是第 ${used + 1} 次作答（共可答 ${q.maxAttempts} 次）。`,
    confirmText: '开始',
    cancelText: '再等等',
  });
  if (confirm) await Taro.navigateTo({ url: answerUrl(q.quizId) });
}

function QuizCard({ q }: { q: QuizSummary }) {
  const mine = q.mine;
  const left = mine ? q.maxAttempts - mine.attemptsUsed : 0;
  const open = q.phase === 'open';
  return (
    <View className="card quiz-card">
      <View className="quiz-card__head">
        <Text className="quiz-card__title">{q.title}</Text>
        <Text className={`quiz-phase quiz-phase--${q.phase}`}>{PHASE_LABELS[q.phase]}</Text>
      </View>
      {q.description && <Text className="quiz-card__desc">{q.description}</Text>}
      <Text className="quiz-card__line">
        时间：{shortDateTimeText(q.startAt)} 至 {shortDateTimeText(q.endAt)}
      </Text>
      <Text className="quiz-card__line">
        共 {q.questionCount} 题 · 限时 {Math.round(q.timeLimitSec / 60)} 分钟 · 每人可答 {q.maxAttempts} 次
      </Text>
      {mine ? (
        <View className="quiz-card__mine">
          <View className="quiz-card__stat">
            <Text className="quiz-card__value">
              {mine.attemptsUsed}/{q.maxAttempts}
            </Text>
            <Text className="quiz-card__label">已答次数</Text>
          </View>
          <View className="quiz-card__stat">
            <Text className="quiz-card__value quiz-card__value--score">{mine.bestScore ?? '—'}</Text>
            <Text className="quiz-card__label">最好成绩</Text>
          </View>
        </View>
      ) : (
        <Text className="quiz-card__note">您不在本次竞赛的参赛范围内（仅限绑定身份的参赛组织党员）。</Text>
      )}
      <View className="quiz-card__actions">
        {open && mine?.openAttemptId && (
          <Button
            className="quiz-card__go quiz-card__resume"
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: answerUrl(q.quizId) })}
          >
            继续答题
          </Button>
        )}
        {open && mine && !mine.openAttemptId && left > 0 && (
          <Button
            className="quiz-card__go quiz-card__start"
            type="primary"
            size="large"
            block
            onClick={() => startNew(q)}
          >
            {mine.attemptsUsed > 0 ? `再答一次（还剩 ${left} 次）` : '开始答题'}
          </Button>
        )}
        {open && mine && !mine.openAttemptId && left <= 0 && <Text className="quiz-card__note">作答次数已用完。</Text>}
        {q.phase === 'upcoming' && <Text className="quiz-card__note">竞赛尚未开始，请在开始时间后进入。</Text>}
        <View className="quiz-card__row">
          {mine?.lastAttemptId && (
            <Button
              className="quiz-card__result"
              size="large"
              style={{ flex: 1 }}
              onClick={() =>
                Taro.navigateTo({
                  url: `/pages/quiz-result/index?attemptId=${encodeURIComponent(mine.lastAttemptId ?? '')}`,
                })
              }
            >
              查看成绩
            </Button>
          )}
          {q.phase !== 'upcoming' && (
            <Button
              className="quiz-card__board"
              size="large"
              style={{ flex: 1 }}
              onClick={() => Taro.navigateTo({ url: `/pages/quiz-board/index?quizId=${encodeURIComponent(q.quizId)}` })}
            >
              排行榜
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

export default function QuizListPage() {
  const state = useRemote(useCallback(() => call('quiz', 'listQuizzes', {}), []));
  // Back from an attempt or a result: attempts and best score have changed.
  useReloadOnReturn(state.reload);
  return (
    <PageShell className="quiz-list">
      <View className="quiz-hero">
        <Text className="quiz-hero__title">党的知识竞赛</Text>
        <Text className="quiz-hero__sub">学党章党规、学系列讲话，以赛促学。成绩以服务器计时和评分为准。</Text>
      </View>
      <LoadState state={state} loadingText="正在读取竞赛…">
        {({ quizzes }) => (
          <>
            {quizzes.length === 0 && (
              <View className="card">
                <Text className="quiz-empty">目前没有知识竞赛，可以先做“每日一练”。</Text>
              </View>
            )}
            {quizzes.map((q) => (
              <QuizCard key={q.quizId} q={q} />
            ))}
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
