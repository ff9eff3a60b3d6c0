// 成绩: score, correct/total and time of a submitted attempt (quiz.result), every question with the chosen answer,
// the right one and its 解析 once the server reveals them, and the way to the leaderboard.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { OptionList, Reveal, TypeTag } from '@/components/quiz-ui';
import type { AttemptResult } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { clearDraft } from '@/services/quiz-draft';
import { durationText } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import './index.scss';

function Summary({ r }: { r: AttemptResult }) {
  return (
    <View className="quiz-score">
      <Text className="quiz-score__title">{r.title}</Text>
      <View className="quiz-score__ring">
        <Text className="quiz-score__value">{r.score}</Text>
        <Text className="quiz-score__unit">分</Text>
      </View>
      <View className="quiz-score__stats">
        <View className="quiz-score__stat">
          <Text className="quiz-score__figure">
            {r.correct}/{r.total}
          </Text>
          <Text className="quiz-score__label">答对题数</Text>
        </View>
        <View className="quiz-score__stat">
          <Text className="quiz-score__figure">{durationText(r.durationMs)}</Text>
          <Text className="quiz-score__label">用时</Text>
        </View>
      </View>
      <Text className="quiz-score__time">交卷时间 {shortDateTimeText(r.submittedAt)}</Text>
      {r.late ? (
        <Text className="quiz-score__late">答题时间已到，按截止时已提交的答案计分。</Text>
      ) : (
        r.timeUp && <Text className="quiz-score__late">答题时间已到，已自动交卷。</Text>
      )}
      {!r.revealed && (
        <Text className="quiz-score__held">
          正确答案和解析在您用完答题次数或竞赛结束（{shortDateTimeText(r.revealAt)}）后公布，现在可以看每道题答对与否。
        </Text>
      )}
    </View>
  );
}

/**
 * How the chosen options are coloured while the right answers are held back: all green when the question was right
 * (the choice is the answer), red when a single or 判断 choice was wrong; a wrong 多选 stays neutral, since some
 * of its choices may be right and saying which would give the answer away.
 */
function markedWithoutAnswer(q: AttemptResult['questions'][number]): number[] | undefined {
  if (q.correct) return q.chosen;
  return q.type === 'multiple' ? undefined : [];
}

function Review({ r }: { r: AttemptResult }) {
  const [wrongOnly, setWrongOnly] = useState(false);
  // A withheld question's right/wrong is not known here, so it is not listed among the wrong ones.
  const wrong = r.questions.filter((q) => !q.correct && !q.withheld).length;
  const shown = r.questions
    .map((q, i) => ({ q, no: i + 1 }))
    .filter(({ q }) => !wrongOnly || (!q.correct && !q.withheld));
  return (
    <>
      <View className="quiz-tabs">
        <View
          className={`quiz-tabs__item${wrongOnly ? '' : ' quiz-tabs__item--on'}`}
          onClick={() => setWrongOnly(false)}
        >
          全部题目（{r.total}）
        </View>
        <View
          className={`quiz-tabs__item${wrongOnly ? ' quiz-tabs__item--on' : ''}`}
          onClick={() => setWrongOnly(true)}
        >
          只看错题（{wrong}）
        </View>
      </View>
      {shown.length === 0 && (
        <View className="card">
          <Text className="quiz-empty">全部答对，真棒！</Text>
        </View>
      )}
      {shown.map(({ q, no }) =>
        q.withheld ? (
          <View key={q.questionId} className="card quiz-review">
            <View className="quiz-review__head">
              <Text className="quiz-review__no">第 {no} 题</Text>
              <TypeTag type={q.type} />
            </View>
            <Text className="quiz-stem">{q.stem}</Text>
            <OptionList question={q} chosen={q.chosen} />
            <Text className="quiz-review__withheld">
              另一场知识竞赛还在进行，也会用到这道题：它的对错、答案和解析在那场竞赛结束后公布。
            </Text>
          </View>
        ) : (
          <View key={q.questionId} className={`card quiz-review quiz-review--${q.correct ? 'right' : 'wrong'}`}>
            <View className="quiz-review__head">
              <Text className="quiz-review__no">第 {no} 题</Text>
              <TypeTag type={q.type} />
            </View>
            <Text className="quiz-stem">{q.stem}</Text>
            <OptionList question={q} chosen={q.chosen} answer={r.revealed ? q.answer : markedWithoutAnswer(q)} />
            <Reveal
              question={q}
              chosen={q.chosen}
              answer={r.revealed ? q.answer : undefined}
              analysis={q.analysis}
              correct={q.correct}
            />
          </View>
        ),
      )}
    </>
  );
}

export default function QuizResultPage() {
  const attemptId = decodeURIComponent(useRouter().params.attemptId ?? '');
  const state = useRemote(useCallback(() => call('quiz', 'result', { attemptId }), [attemptId]));
  // A scored attempt needs no draft, also when it was closed by the deadline while the phone was away.
  const scored = state.data !== undefined;
  useEffect(() => {
    if (scored) clearDraft(attemptId);
  }, [scored, attemptId]);
  return (
    <PageShell className="quiz-result">
      <LoadState state={state} loadingText="正在读取成绩…">
        {(r) => (
          <>
            <Summary r={r} />
            <View className="actions quiz-result__actions">
              <Button
                className="quiz-result__board"
                type="primary"
                size="large"
                style={{ flex: 1 }}
                onClick={() =>
                  Taro.navigateTo({ url: `/pages/quiz-board/index?quizId=${encodeURIComponent(r.quizId)}` })
                }
              >
                查看排行榜
              </Button>
              <Button
                size="large"
                style={{ flex: 1 }}
                onClick={() => Taro.redirectTo({ url: '/pages/quiz-list/index' })}
              >
                返回竞赛
              </Button>
            </View>
            <Review r={r} />
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
