// The question editor of 题库管理 (quiz.saveQuestion): type, stem, options A–F, the answer as letter chips, 解析, tags.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { TextField } from '@/components/text-field';
import type { QuestionAdminRow, QuestionType } from '@/domain/api/quiz';
import { call } from '@/services/call';
import { optionLetter, toggleChoice, TYPE_LABELS } from '@/utils/quiz';
import { useSave } from '@/hooks/use-save';
import { EditForm } from '../shared/edit-form';
import { Segmented } from '../shared/segmented';

const JUDGE_OPTIONS = ['正确', '错误'];
const MAX_OPTIONS = 6;
const TYPES: QuestionType[] = ['single', 'multiple', 'judge'];

/** Tags typed as 党章，党规 or 党章 党规: split on commas, 、 and spaces, without repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export interface QuestionEditorProps {
  /** The question to edit; none to add one. */
  question?: QuestionAdminRow;
  onDone: () => void;
  onCancel: () => void;
}

export function QuestionEditor({ question, onDone, onCancel }: QuestionEditorProps) {
  const [type, setType] = useState<QuestionType>(question?.type ?? 'single');
  const [stem, setStem] = useState(question?.stem ?? '');
  const [options, setOptions] = useState<string[]>(question?.options ?? ['', '', '', '']);
  const [answer, setAnswer] = useState<number[]>(question?.answer ?? []);
  const [analysis, setAnalysis] = useState(question?.analysis ?? '');
  const [tags, setTags] = useState((question?.tags ?? []).join('，'));
  const state = useSave({ toast: '已保存', onDone });

  const changeType = (t: QuestionType) => {
    setType(t);
    setAnswer([]);
    if (t === 'judge') setOptions(JUDGE_OPTIONS);
    else if (type === 'judge') setOptions(['', '', '', '']);
  };
  const setOption = (i: number, v: string) => setOptions(options.map((o, j) => (j === i ? v : o)));
  const removeOption = (i: number) => {
    setOptions(options.filter((_, j) => j !== i));
    // Answers after the removed option move up one letter.
    setAnswer(answer.filter((a) => a !== i).map((a) => (a > i ? a - 1 : a)));
  };

  const save = () => {
    const s = stem.trim();
    const opts = options.map((o) => o.trim());
    if (!s) return state.setError('请填写题干');
    if (opts.length < 2 || opts.some((o) => !o)) return state.setError('请填写每个选项（至少两个），不用的选项请删除');
    if (answer.length === 0) return state.setError('请选择正确答案');
    if (type === 'multiple' && answer.length < 2)
      return state.setError('多选题至少有两个正确答案，只有一个请改为单选题');
    void state.submit(() =>
      call('quiz', 'saveQuestion', {
        ...(question ? { questionId: question.questionId } : {}),
        type,
        stem: s,
        options: opts,
        answer,
        analysis: analysis.trim(),
        tags: parseTags(tags),
      }),
    );
  };

  return (
    <EditForm title={question ? '编辑题目' : '新增题目'} state={state} onSave={save} onCancel={onCancel}>
      <Segmented<QuestionType>
        options={TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
        value={type}
        onChange={changeType}
      />
      <View className="field">
        <Text className="field__label">题干</Text>
        <TextArea
          className="quiz-textarea"
          value={stem}
          onChange={setStem}
          maxLength={300}
          placeholder="例：“五个基本”是指什么？"
        />
      </View>
      {/* A judge question's options are fixed (正确 / 错误): only its answer is chosen. */}
      {type !== 'judge' &&
        options.map((o, i) => (
          <View key={i} className="quiz-editor__option">
            <TextField
              label={`选项 ${optionLetter(i)}`}
              value={o}
              onChange={(v) => setOption(i, v)}
              maxLength={120}
              name={`option-${i}`}
            />
            {options.length > 2 && (
              <Text className="quiz-editor__remove" onClick={() => removeOption(i)}>
                删除
              </Text>
            )}
          </View>
        ))}
      {type !== 'judge' && options.length < MAX_OPTIONS && (
        <View className="quiz-editor__add" onClick={() => setOptions([...options, ''])}>
          + 添加选项
        </View>
      )}
      <View className="field">
        <Text className="field__label">正确答案{type === 'multiple' ? '（可多选）' : ''}</Text>
        <View className="quiz-editor__answers">
          {options.map((o, i) => (
            <View
              key={i}
              className={`quiz-chip${answer.includes(i) ? ' quiz-chip--on' : ''}`}
              onClick={() => setAnswer(toggleChoice(type, answer, i))}
            >
              {type === 'judge' ? o : optionLetter(i)}
            </View>
          ))}
        </View>
      </View>
      <View className="field">
        <Text className="field__label">解析（选填）</Text>
        <TextArea
          className="quiz-textarea"
          value={analysis}
          onChange={setAnalysis}
          maxLength={600}
          placeholder="答题后展示给党员"
        />
      </View>
      <TextField
        label="标签（选填，用逗号分隔）"
        value={tags}
        onChange={setTags}
        placeholder="如：党章，模范机关"
        maxLength={100}
      />
    </EditForm>
  );
}
