// Pieces the 知识竞赛 pages share: the option list with large touch targets (answering, practice and review) and the
// revealed answer with its 解析.
import { Text, View } from '@tarojs/components';
import type { QuestionType, QuestionView } from '@/domain/api/quiz';
import { choiceText, optionLetter, TYPE_LABELS } from '@/utils/quiz';
import './index.scss';

export interface OptionListProps {
  question: QuestionView;
  chosen: readonly number[];
  /** Omitted once the question is answered (practice) or reviewed (result): the options no longer react. */
  onTap?: (index: number) => void;
  /** The right answer, shown when known: right options green, wrongly chosen ones red. */
  answer?: readonly number[];
}

function optionState(i: number, chosen: readonly number[], answer?: readonly number[]): string {
  const picked = chosen.includes(i);
  if (!answer) return picked ? ' quiz-option--on' : '';
  if (answer.includes(i)) return picked ? ' quiz-option--right quiz-option--picked' : ' quiz-option--right';
  return picked ? ' quiz-option--wrong quiz-option--picked' : '';
}

export function OptionList({ question, chosen, onTap, answer }: OptionListProps) {
  return (
    <View
      className={`quiz-options quiz-options--${question.type}`}
      ariaRole={question.type === 'multiple' ? 'group' : 'radiogroup'}
      ariaLabel="选项"
    >
      {question.options.map((text, i) => (
        <View
          key={`${i}-${text}`}
          className={`quiz-option${optionState(i, chosen, answer)}${onTap ? '' : ' quiz-option--static'}`}
          ariaRole={question.type === 'multiple' ? 'checkbox' : 'radio'}
          ariaLabel={`${optionLetter(i)} ${text}`}
          ariaChecked={chosen.includes(i) ? 'true' : 'false'}
          ariaDisabled={onTap ? undefined : 'true'}
          onClick={onTap ? () => onTap(i) : undefined}
        >
          <Text className="quiz-option__letter">{optionLetter(i)}</Text>
          <Text className="quiz-option__text">{text}</Text>
        </View>
      ))}
    </View>
  );
}

export function TypeTag({ type }: { type: QuestionType }) {
  return <Text className={`quiz-type quiz-type--${type}`}>{TYPE_LABELS[type]}</Text>;
}

/** The hint under a question's stem: how many options to choose. */
export function typeHint(type: QuestionType): string {
  return type === 'multiple' ? '请选出所有正确答案' : type === 'judge' ? '请判断对错' : '请选择一个答案';
}

export interface RevealProps {
  question: QuestionView;
  chosen: readonly number[];
  /** The right answer and 解析; absent while they are held back (a competition with attempts left). */
  answer?: readonly number[];
  analysis?: string | null;
  correct: boolean;
}

/** 回答正确 / 回答错误, both answers and the 解析, after answering (practice) or on the result page. */
export function Reveal({ question, chosen, answer, analysis, correct }: RevealProps) {
  return (
    <View className={`quiz-reveal quiz-reveal--${correct ? 'right' : 'wrong'}`}>
      <Text className="quiz-reveal__verdict">{correct ? '✓ 回答正确' : '✗ 回答错误'}</Text>
      <View className="quiz-reveal__answers">
        <Text className="quiz-reveal__line">您的答案：{choiceText(chosen, question.type, question.options)}</Text>
        {answer && (
          <Text className="quiz-reveal__line quiz-reveal__right">
            正确答案：{choiceText(answer, question.type, question.options)}
          </Text>
        )}
      </View>
      {answer && <Text className="quiz-reveal__analysis">解析：{analysis || '暂无解析'}</Text>}
    </View>
  );
}
