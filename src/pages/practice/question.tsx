// One practice question (每日一练 and 错题本): choose, 提交答案, then the verdict with the right answer and 解析.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { OptionList, Reveal, TypeTag, typeHint } from '@/components/quiz-ui';
import type { PracticeAnswerResult, QuestionView } from '@/domain/api/quiz';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { toggleChoice } from '@/utils/quiz';

export interface Answered {
  chosen: number[];
  correct: boolean;
  answer: number[];
  analysis: string | null;
}

export interface PracticeQuestionProps {
  question: QuestionView;
  /** Shown above the stem, e.g. 第 2 题 or 答错 3 次. */
  label: string;
  from: 'today' | 'wrong';
  /** Set once answered: the options are then fixed and the verdict shows. */
  answered?: Answered;
  onAnswered: (answered: Answered, result: PracticeAnswerResult) => void;
}

export function PracticeQuestion({ question, label, from, answered, onAnswered }: PracticeQuestionProps) {
  const [chosen, setChosen] = useState<number[]>([]);
  const { busy, error, submit } = useSave();

  const send = () =>
    submit(
      () => call('quiz', 'practiceAnswer', { questionId: question.questionId, answer: chosen, from }),
      (res) => onAnswered({ chosen, correct: res.correct, answer: res.answer, analysis: res.analysis }, res),
    );

  return (
    <View className={`card practice-q${answered ? ` practice-q--${answered.correct ? 'right' : 'wrong'}` : ''}`}>
      <View className="practice-q__head">
        <Text className="practice-q__label">{label}</Text>
        <TypeTag type={question.type} />
      </View>
      <Text className="quiz-stem">{question.stem}</Text>
      {!answered && <Text className="quiz-hint">{typeHint(question.type)}</Text>}
      {answered ? (
        <>
          <OptionList question={question} chosen={answered.chosen} answer={answered.answer} />
          <Reveal
            question={question}
            chosen={answered.chosen}
            answer={answered.answer}
            analysis={answered.analysis}
            correct={answered.correct}
          />
        </>
      ) : (
        <>
          <OptionList
            question={question}
            chosen={chosen}
            onTap={(i) => setChosen(toggleChoice(question.type, chosen, i))}
          />
          {error && <View className="form-error practice-q__error">{error}</View>}
          <Button
            className="practice-q__submit"
            type="primary"
            size="large"
            block
            loading={busy}
            disabled={busy || chosen.length === 0}
            onClick={send}
          >
            提交答案
          </Button>
        </>
      )}
    </View>
  );
}
