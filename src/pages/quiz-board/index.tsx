// 排行榜: the competition's leaderboard (个人 / 支部) with the caller's own place pinned.
import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/page-shell';
import { QuizBoard } from '@/components/quiz-board';

export default function QuizBoardPage() {
  const quizId = decodeURIComponent(useRouter().params.quizId ?? '');
  return (
    <PageShell className="quiz-board-page">
      <QuizBoard quizId={quizId} pinMe />
    </PageShell>
  );
}
