// 新建竞赛: title, window (Beijing time), number of questions per type or in all, time limit, attempts, the orgs
// taking part and the tags drawn from (quiz.createQuiz); on success the competition's view opens.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FormActions } from '@/components/form-actions';
import { TextField } from '@/components/text-field';
import type { OrgRow } from '@/domain/api';
import type { QuestionType } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { TYPE_LABELS } from '@/utils/quiz';
import { dateText } from '@/utils/time';
import { useSave } from '@/hooks/use-save';
import { AdminGate } from '../shared/admin-gate';
import { CheckList, OrgCheckField } from '../shared/check-list';
import { TimeField } from '../shared/time-field';
import { Segmented } from '../shared/segmented';
import type { QuizFormValues } from './form';
import { toQuizInput } from './form';
import '../quiz/index.scss';
import { plainOptions } from '../shared/select-field';

const TYPES: QuestionType[] = ['single', 'multiple', 'judge'];

function QuizForm({ orgs }: { orgs: OrgRow[] }) {
  const now = Date.now();
  const [v, setV] = useState<QuizFormValues>({
    title: '',
    description: '',
    startDate: dateText(now),
    startTime: '09:00',
    endDate: dateText(now + 7 * 86400_000),
    endTime: '18:00',
    byType: true,
    questionCount: '10',
    perType: { single: '6', multiple: '2', judge: '2' },
    minutes: '10',
    attempts: '1',
    orgIds: [],
    tags: [],
  });
  const set = (patch: Partial<QuizFormValues>) => setV({ ...v, ...patch });
  const bank = useRemote(useCallback(() => call('quiz', 'listQuestions', { status: 'active' }), []));
  const { busy, error, setError, submit } = useSave({ toast: '已创建' });
  const total = TYPES.reduce((s, t) => s + (Number(v.perType[t]) || 0), 0);

  const save = () => {
    const { input, error: problem } = toQuizInput(v);
    if (!input) return setError(problem ?? '请检查填写的内容');
    void submit(
      () => call('quiz', 'createQuiz', input),
      ({ quizId }) =>
        Taro.redirectTo({ url: `/admin/quiz-view/index?id=${encodeURIComponent(quizId)}` }).then(() => undefined),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">新建竞赛</View>
      <TextField
        label="竞赛名称"
        value={v.title}
        onChange={(title) => set({ title })}
        placeholder="如：庆祝建党99周年知识竞赛"
        maxLength={64}
      />
      <View className="field">
        <Text className="field__label">说明（选填）</Text>
        <TextArea
          className="quiz-textarea"
          value={v.description}
          onChange={(description) => set({ description })}
          maxLength={500}
          placeholder="展示在竞赛列表中，如答题范围、奖励办法"
        />
      </View>
      <View className="quiz-form__pair">
        <TimeField label="开始日期" mode="date" value={v.startDate} onChange={(startDate) => set({ startDate })} />
        <TimeField label="开始时间" mode="time" value={v.startTime} onChange={(startTime) => set({ startTime })} />
      </View>
      <View className="quiz-form__pair">
        <TimeField label="结束日期" mode="date" value={v.endDate} onChange={(endDate) => set({ endDate })} />
        <TimeField label="结束时间" mode="time" value={v.endTime} onChange={(endTime) => set({ endTime })} />
      </View>
      <Text className="field__label">题目数量</Text>
      <Segmented<'type' | 'all'>
        options={[
          { value: 'type', label: '按题型指定' },
          { value: 'all', label: '只定总数' },
        ]}
        value={v.byType ? 'type' : 'all'}
        onChange={(m) => set({ byType: m === 'type' })}
      />
      {v.byType ? (
        <>
          <View className="quiz-form__pair">
            {TYPES.map((t) => (
              <TextField
                key={t}
                type="digit"
                label={TYPE_LABELS[t]}
                value={v.perType[t]}
                onChange={(c) => set({ perType: { ...v.perType, [t]: c } })}
                maxLength={3}
                clearable={false}
                name={`count-${t}`}
              />
            ))}
          </View>
          <Text className="card__hint quiz-form__total">共 {total} 题，每人从题库中随机抽取，选项顺序也随机。</Text>
        </>
      ) : (
        <TextField
          type="digit"
          label="题目总数"
          value={v.questionCount}
          onChange={(questionCount) => set({ questionCount })}
          maxLength={3}
          clearable={false}
          hint="题型不限，每人从题库中随机抽取"
        />
      )}
      <View className="quiz-form__pair">
        <TextField
          type="digit"
          label="答题限时（分钟）"
          value={v.minutes}
          onChange={(minutes) => set({ minutes })}
          maxLength={3}
          clearable={false}
        />
        <TextField
          type="digit"
          label="每人可答次数"
          value={v.attempts}
          onChange={(attempts) => set({ attempts })}
          maxLength={2}
          clearable={false}
        />
      </View>
      <OrgCheckField orgs={orgs} picked={v.orgIds} onChange={(orgIds) => set({ orgIds })} />
      <View className="field">
        <Text className="field__label">出题范围（按标签，不选即全部题目）</Text>
        {bank.data && bank.data.tags.length === 0 && <Text className="muted">题库中还没有标签。</Text>}
        <CheckList
          items={plainOptions(bank.data?.tags ?? [])}
          picked={v.tags}
          onChange={(tags) => set({ tags: tags.slice(0, 5) })}
        />
      </View>
      <FormActions
        error={error}
        busy={busy}
        submitText="创建竞赛"
        submitClassName="quiz-form__create"
        onSubmit={save}
        onCancel={() => Taro.navigateBack()}
      />
    </View>
  );
}

export default function QuizFormPage() {
  return <AdminGate page="quiz">{({ directory }) => <QuizForm orgs={directory.orgs} />}</AdminGate>;
}
