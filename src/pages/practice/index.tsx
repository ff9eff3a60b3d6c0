// 每日一练: today's questions (quiz.practiceToday) answered one by one with the verdict and 解析 at once, the streak
// of days, the 已完成 state, and the way to the 错题本.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { PracticeToday } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import type { Answered } from './question';
import { PracticeQuestion } from './question';
import '../../components/quiz-ui/index.scss';
import './index.scss';

function Today({ today }: { today: PracticeToday }) {
  const [answered, setAnswered] = useState<Record<string, Answered>>(today.answered);
  const [status, setStatus] = useState({ streak: today.streak, done: today.done, wrongCount: today.wrongCount });
  const total = today.questions.length;
  const count = today.questions.filter((q) => answered[q.questionId]).length;
  const right = today.questions.filter((q) => answered[q.questionId]?.correct).length;

  return (
    <>
      <View className="quiz-hero practice-hero">
        <Text className="quiz-hero__title">每日一练</Text>
        <Text className="quiz-hero__sub">{today.day} · 每天几道题，学习不间断</Text>
        <View className="practice-hero__stats">
          <View className="practice-hero__stat">
            <Text className="practice-hero__value">{status.streak}</Text>
            <Text className="practice-hero__label">连续练习（天）</Text>
          </View>
          <View className="practice-hero__stat">
            <Text className="practice-hero__value">
              {count}/{total}
            </Text>
            <Text className="practice-hero__label">今日已答</Text>
          </View>
        </View>
      </View>

      {status.done && (
        <View className="practice-done">
          <Text className="practice-done__title">✓ 今日练习已完成</Text>
          <Text className="practice-done__text">
            答对 {right}/{total} 题，已连续练习 {status.streak} 天。明天再来！
          </Text>
        </View>
      )}

      <View className="card practice-wrong" onClick={() => Taro.navigateTo({ url: '/pages/wrong-book/index' })}>
        <View className="practice-wrong__text">
          <Text className="practice-wrong__title">错题本</Text>
          <Text className="practice-wrong__desc">
            {status.wrongCount > 0 ? `还有 ${status.wrongCount} 道错题待巩固` : '暂无错题'}
          </Text>
        </View>
        <Text className="practice-wrong__go">去练习 ›</Text>
      </View>

      {total === 0 && (
        <View className="card">
          <Text className="quiz-empty">题库里还没有题目，请联系管理员导入。</Text>
        </View>
      )}
      {today.questions.map((q, i) => (
        <PracticeQuestion
          key={q.questionId}
          question={q}
          label={`第 ${i + 1} 题`}
          from="today"
          answered={answered[q.questionId]}
          onAnswered={(a, res) => {
            setAnswered((prev) => ({ ...prev, [q.questionId]: a }));
            setStatus({ streak: res.streak, done: res.done, wrongCount: res.wrongCount });
          }}
        />
      ))}
    </>
  );
}

export default function PracticePage() {
  const state = useRemote(useCallback(() => call('quiz', 'practiceToday', {}), []));
  return (
    <PageShell className="practice">
      <LoadState state={state} loadingText="正在准备今天的题目…">
        {(today) => <Today key={today.day} today={today} />}
      </LoadState>
    </PageShell>
  );
}
