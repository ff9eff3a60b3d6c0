// 测评结果: the published ranking of one campaign (?id=) with its chart and formula.
import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { RatingResultsView } from '@/components/rating-results';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import '../rating/index.scss';

function Results({ id }: { id: string }) {
  const fetcher = useCallback(() => call('rating', 'results', { campaignId: id }), [id]);
  const state = useRemote(fetcher);
  return (
    <LoadState state={state}>
      {(r) => (
        <>
          <View className="rating-hero">
            <Text className="rating-hero__title">{r.title}</Text>
            <Text className="rating-hero__sub">测评结果{r.published ? '' : '（尚未公布，仅管理员可见）'}</Text>
          </View>
          <RatingResultsView results={r} />
        </>
      )}
    </LoadState>
  );
}

export default function RatingResultsPage() {
  const id = useRouter().params.id;
  return (
    <PageShell>
      {id ? (
        <Results id={id} />
      ) : (
        <View className="card">
          <Text className="muted">缺少测评活动编号，请从测评页面进入。</Text>
        </View>
      )}
    </PageShell>
  );
}
