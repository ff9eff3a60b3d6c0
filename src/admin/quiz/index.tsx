// 知识竞赛管理: entries to 题库管理, 导入题库 and 新建竞赛, and the competitions (quiz.listQuizzes) with their views.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { PHASE_LABELS } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import '../../components/quiz-ui/index.scss';
import './index.scss';

const TOOLS = [
  { key: 'bank', title: '题库管理', desc: '查找与编辑', url: '/admin/quiz-bank/index' },
  { key: 'import', title: '导入题库', desc: 'Excel 导入', url: '/admin/quiz-import/index' },
  { key: 'create', title: '新建竞赛', desc: '设定规则', url: '/admin/quiz-form/index' },
];

function Competitions() {
  const state = useRemote(useCallback(() => call('quiz', 'listQuizzes', {}), []));
  // Back from 新建竞赛: the new one shows.
  useReloadOnReturn(state.reload);
  return (
    <>
      <AdminHead title="知识竞赛" sub="题库、竞赛与排行榜" />
      <View className="quiz-tools">
        {TOOLS.map((t) => (
          <View key={t.key} className={`quiz-tool quiz-tool--${t.key}`} onClick={() => Taro.navigateTo({ url: t.url })}>
            <Text className="quiz-tool__title">{t.title}</Text>
            <Text className="quiz-tool__desc">{t.desc}</Text>
          </View>
        ))}
      </View>
      <LoadState state={state} variant="inline">
        {({ quizzes }) => (
          <View className="card">
            <View className="card__title">竞赛（{quizzes.length}）</View>
            {quizzes.length === 0 && <Text className="muted">还没有竞赛。先导入题库，再点击“新建竞赛”。</Text>}
            {quizzes.map((q) => (
              <View
                key={q.quizId}
                className="admin-list__row quiz-admin-row"
                onClick={() => Taro.navigateTo({ url: `/admin/quiz-view/index?id=${encodeURIComponent(q.quizId)}` })}
              >
                <View className="admin-list__main">
                  <Text className="admin-list__name">{q.title}</Text>
                  <Text className="admin-list__meta">
                    {shortDateTimeText(q.startAt)} 至 {shortDateTimeText(q.endAt)}
                  </Text>
                  <Text className="admin-list__meta">
                    {q.questionCount} 题 · 限时 {Math.round(q.timeLimitSec / 60)} 分钟 · 可答 {q.maxAttempts} 次
                  </Text>
                </View>
                <Text className={`quiz-phase quiz-phase--${q.phase}`}>{PHASE_LABELS[q.phase]}</Text>
                <Text className="admin-list__action">查看</Text>
              </View>
            ))}
          </View>
        )}
      </LoadState>
    </>
  );
}

export default function QuizAdminPage() {
  return <AdminGate page="quiz">{() => <Competitions />}</AdminGate>;
}
