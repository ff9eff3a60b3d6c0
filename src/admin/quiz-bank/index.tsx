// 题库管理: questions (quiz.listQuestions) searched by words and filtered by type, tag and status, in pages of 50;
// each can be edited or retired / restored (quiz.retireQuestion), and new ones added.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { LoadState } from '@/components/load-state';
import type { QuestionAdminRow, QuestionType } from '@/domain/api/quiz';
import { useEditing } from '@/hooks/use-editing';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { choiceText, QUIZ_PAGE_SIZE, TYPE_LABELS } from '@/utils/quiz';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { Segmented } from '../shared/segmented';
import { plainOptions, SelectField } from '../shared/select-field';
import { QuestionEditor } from './editor';
import '../../components/quiz-ui/index.scss';
import '../quiz/index.scss';

type TypeFilter = QuestionType | 'all';
type StatusFilter = 'active' | 'retired' | 'all';

interface Filters {
  query: string;
  type: TypeFilter;
  status: StatusFilter;
  tag: string;
  page: number;
}

function QuestionRow({ q, onEdit, onChanged }: { q: QuestionAdminRow; onEdit: () => void; onChanged: () => void }) {
  const toggle = async () => {
    if (!q.retired) {
      const { confirm } = await Taro.showModal({
        confirmColor: '#c8161d',
        title: '停用题目',
        content: '停用后该题不再抽入新的竞赛和每日一练，已有成绩不受影响，可随时恢复。',
        confirmText: '停用',
      });
      if (!confirm) return;
    }
    try {
      await call('quiz', 'retireQuestion', { questionId: q.questionId, retired: !q.retired });
      Taro.showToast({ title: q.retired ? '已恢复' : '已停用', icon: 'success' });
      onChanged();
    } catch (err) {
      Taro.showToast({ title: toCallError(err).message, icon: 'none' });
    }
  };
  return (
    <View className={`admin-list__row quiz-q${q.retired ? ' quiz-q--retired' : ''}`}>
      <View className="admin-list__main">
        <Text className="admin-list__name quiz-q__stem">{q.stem}</Text>
        <Text className="admin-list__meta">
          {TYPE_LABELS[q.type]} · 答案 {choiceText(q.answer, q.type, q.options)}
        </Text>
        <View className="quiz-q__tags">
          {q.retired && <Text className="tag tag--off">已停用</Text>}
          {q.tags.map((t) => (
            <Text key={t} className="tag tag--config">
              {t}
            </Text>
          ))}
        </View>
      </View>
      <View className="quiz-q__actions">
        <Text className="admin-list__action quiz-q__edit" onClick={onEdit}>
          编辑
        </Text>
        <Text className="admin-list__action quiz-q__retire" onClick={toggle}>
          {q.retired ? '恢复' : '停用'}
        </Text>
      </View>
    </View>
  );
}

function Bank() {
  const [filters, setFilters] = useState<Filters>({ query: '', type: 'all', status: 'active', tag: '', page: 0 });
  const [typed, setTyped] = useState('');
  const { editing, open: edit, close } = useEditing<QuestionAdminRow | 'new'>();
  const state = useRemote(
    useCallback(
      () =>
        call('quiz', 'listQuestions', {
          ...(filters.query ? { query: filters.query } : {}),
          ...(filters.type !== 'all' ? { type: filters.type } : {}),
          ...(filters.status !== 'all' ? { status: filters.status } : {}),
          ...(filters.tag ? { tag: filters.tag } : {}),
          page: filters.page,
        }),
      [filters],
    ),
  );
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, page: 0, ...patch });
  // The editor opens above the list: bring it into view when a row far down is edited.
  const done = () => {
    close();
    state.reload();
  };

  return (
    <>
      <AdminHead title="题库管理" sub={state.data ? `共 ${state.data.total} 题` : '单选、多选、判断'}>
        {editing === null && (
          <Button className="quiz-bank__add" type="primary" onClick={() => edit('new')}>
            新增题目
          </Button>
        )}
      </AdminHead>
      {editing !== null && (
        <QuestionEditor
          key={editing === 'new' ? 'new' : editing.questionId}
          question={editing === 'new' ? undefined : editing}
          onDone={done}
          onCancel={close}
        />
      )}
      <View className="card quiz-filter">
        <View className="quiz-filter__search">
          <View className="field__box quiz-filter__box">
            <Input
              name="query"
              value={typed}
              onChange={setTyped}
              onConfirm={() => set({ query: typed.trim() })}
              placeholder="搜索题干关键词"
              maxLength={50}
              clearable
            />
          </View>
          <Button className="quiz-filter__go" type="primary" onClick={() => set({ query: typed.trim() })}>
            搜索
          </Button>
        </View>
        <Segmented<TypeFilter>
          options={[
            { value: 'all', label: '全部' },
            { value: 'single', label: '单选' },
            { value: 'multiple', label: '多选' },
            { value: 'judge', label: '判断' },
          ]}
          value={filters.type}
          onChange={(type) => set({ type })}
        />
        <Segmented<StatusFilter>
          options={[
            { value: 'active', label: '在用' },
            { value: 'retired', label: '已停用' },
            { value: 'all', label: '全部状态' },
          ]}
          value={filters.status}
          onChange={(status) => set({ status })}
        />
        <SelectField
          label="标签"
          options={[{ value: '', label: '全部标签' }, ...plainOptions(state.data?.tags ?? [])]}
          value={filters.tag}
          onChange={(tag) => set({ tag })}
        />
      </View>
      <LoadState state={state} variant="inline" loadingText="正在读取题库…">
        {({ questions, total }) => {
          const pages = Math.max(1, Math.ceil(total / QUIZ_PAGE_SIZE));
          return (
            <View className="card">
              {questions.length === 0 && <Text className="muted">没有符合条件的题目。</Text>}
              {questions.map((q) => (
                <QuestionRow key={q.questionId} q={q} onEdit={() => edit(q)} onChanged={state.reload} />
              ))}
              {pages > 1 && (
                <View className="pager">
                  <Button
                    disabled={filters.page === 0}
                    onClick={() => setFilters({ ...filters, page: filters.page - 1 })}
                  >
                    上一页
                  </Button>
                  <Text className="pager__info">
                    第 {filters.page + 1} / {pages} 页
                  </Text>
                  <Button
                    disabled={filters.page + 1 >= pages}
                    onClick={() => setFilters({ ...filters, page: filters.page + 1 })}
                  >
                    下一页
                  </Button>
                </View>
              )}
            </View>
          );
        }}
      </LoadState>
    </>
  );
}

export default function QuizBankPage() {
  return <AdminGate page="quiz">{() => <Bank />}</AdminGate>;
}
