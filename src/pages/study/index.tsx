// 学习: 学习资料 by category (reading an article long enough earns points, within a daily cap), with the 知识竞赛,
// 每日一练 and 错题本 entries and the 现场赛 above them.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LiveEntry } from '@/components/live-entry';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import type { ArticleCategory, ArticleSummary } from '@/domain/api/notice';
import { ARTICLE_CATEGORIES } from '@/domain/api/notice';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { setLargeFont, useLargeFont } from '@/services/preferences';
import { readingTimeText } from '@/utils/notice';
import { dateText } from '@/utils/time';
import './index.scss';

/** 知识竞赛, 每日一练 and 错题本: the learning that counts, above the reading. */
const PRACTICE_ENTRIES = [
  { key: 'quiz', title: '知识竞赛', desc: '竞赛排行', url: '/pages/quiz-list/index' },
  { key: 'practice', title: '每日一练', desc: '每天几道题', url: '/pages/practice/index' },
  { key: 'wrong', title: '错题本', desc: '错题再练', url: '/pages/wrong-book/index' },
];

type Filter = ArticleCategory | 'all';
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  ...ARTICLE_CATEGORIES.map((c) => ({ value: c, label: c })),
];

function ArticleRow({ a }: { a: ArticleSummary }) {
  return (
    <View
      className={`study-article${a.learned ? ' study-article--learned' : ''}`}
      onClick={() => Taro.navigateTo({ url: `/notice/article/index?id=${encodeURIComponent(a.articleId)}` })}
    >
      <Text className="study-article__title">{a.title}</Text>
      {a.summary && <Text className="study-article__summary">{a.summary}</Text>}
      <View className="study-article__meta">
        <Text className="study-article__tag">{a.category}</Text>
        <Text className="study-article__date">{dateText(a.publishedAt)}</Text>
        <Text className={a.learned ? 'study-article__done' : 'study-article__time'}>
          {a.learned ? '✓ 已学习' : readingTimeText(a.requiredSeconds)}
        </Text>
      </View>
    </View>
  );
}

function Articles() {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(0);
  const state = useRemote(
    useCallback(
      () => call('notice', 'articles', { page, ...(filter === 'all' ? {} : { category: filter }) }),
      [filter, page],
    ),
  );
  // The 已学习 marks change when the member comes back from an article.
  useReloadOnReturn(state.reload);
  const choose = (f: Filter) => {
    setFilter(f);
    setPage(0);
  };
  return (
    <View className="card study-articles">
      <View className="card__title">学习资料</View>
      <Text className="card__hint">读满规定时间，每篇得 1 积分，每天最多 6 分。</Text>
      <View className="study-cats">
        {FILTERS.map((f) => (
          <View
            key={f.value}
            className={`study-cat${f.value === filter ? ' study-cat--on' : ''}`}
            onClick={() => choose(f.value)}
          >
            {f.label}
          </View>
        ))}
      </View>
      <LoadState state={state} variant="inline" loadingText="正在加载学习资料…">
        {({ articles, hasMore }) => (
          <>
            {articles.length === 0 ? (
              <Text className="study-articles__empty">
                {filter === 'all' ? '还没有学习资料，机关工委发布后会显示在这里。' : `“${filter}”栏目还没有文章。`}
              </Text>
            ) : (
              articles.map((a) => <ArticleRow key={a.articleId} a={a} />)
            )}
            <Pager page={page} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </View>
  );
}

export default function StudyPage() {
  const large = useLargeFont();
  return (
    <PageShell className="study">
      <View className="study-hero">
        <Text className="study-hero__title">学习园地</Text>
        <Text className="study-hero__source">学习资料、知识竞赛、每日一练</Text>
        <View className="study-hero__font" onClick={() => setLargeFont(!large)}>
          {large ? '标准字号' : '大字阅读'}
        </View>
      </View>

      <LiveEntry />

      <View className="study-entries">
        {PRACTICE_ENTRIES.map((e) => (
          <View
            key={e.key}
            className={`study-entry study-entry--${e.key}`}
            onClick={() => Taro.navigateTo({ url: e.url })}
          >
            <Text className="study-entry__title">{e.title}</Text>
            <Text className="study-entry__desc">{e.desc}</Text>
          </View>
        ))}
      </View>

      <Articles />
    </PageShell>
  );
}
