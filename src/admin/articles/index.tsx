// 学习资料管理 (工委): every article newest first, paged, with 编辑 and 下架, and 新增文章. Points already earned by reading
// an article stay in the ledger when it is taken down.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import type { ArticleSummary } from '@/domain/api/notice';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { durationText } from '@/utils/notice';
import { dateText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';

const edit = (articleId?: string) =>
  Taro.navigateTo({
    url: articleId ? `/admin/article-form/index?id=${encodeURIComponent(articleId)}` : '/admin/article-form/index',
  });

function Row({ a, onRemoved }: { a: ArticleSummary; onRemoved: () => void }) {
  const { busy, submit } = useSave({ toast: '已下架', errorToast: true, onDone: onRemoved });
  const remove = () =>
    void Taro.showModal({
      title: '下架文章',
      content: `下架“${a.title}”？党员将不能再阅读，已获得的积分保留。`,
      confirmText: '下架',
    }).then(({ confirm }) => {
      if (confirm) void submit(() => call('notice', 'removeArticle', { articleId: a.articleId }));
    });
  return (
    <View className="admin-list__row">
      <View className="admin-list__main">
        <Text className="admin-list__name">{a.title}</Text>
        <Text className="admin-list__meta">
          {a.category} · {dateText(a.publishedAt)} · 需读 {durationText(a.requiredSeconds)}
        </Text>
      </View>
      <Text className="admin-list__action" onClick={() => edit(a.articleId)}>
        编辑
      </Text>
      <Text className="admin-list__action" onClick={busy ? undefined : remove}>
        下架
      </Text>
    </View>
  );
}

function List() {
  const [page, setPage] = useState(0);
  const state = useRemote(useCallback(() => call('notice', 'articles', { page }), [page]));
  useReloadOnReturn(state.reload);
  return (
    <LoadState state={state} loadingText="正在加载学习资料…">
      {({ articles, hasMore }) => (
        <>
          <View className="card">
            <View className="card__title">全部文章</View>
            {articles.length === 0 ? (
              <Text className="muted">还没有文章。</Text>
            ) : (
              articles.map((a) => <Row key={a.articleId} a={a} onRemoved={state.reload} />)
            )}
          </View>
          <Pager page={page} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

export default function ArticlesAdminPage() {
  return (
    <AdminGate page="articles">
      {() => (
        <>
          <AdminHead title="学习资料" sub="党员读满规定时间每篇得 1 积分，每天最多 6 分" />
          <Button type="primary" size="large" block className="articles-admin__new" onClick={() => edit()}>
            新增文章
          </Button>
          <View style={{ height: '12px' }} />
          <List />
        </>
      )}
    </AdminGate>
  );
}
