// 创新创优: the 工委's competitions (机关工作创新创优竞赛, 效能典型案例评比), newest first, for members and the public.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { CONTEST_STAGE_LABELS, contestWhen } from '../stage';
import '../contest.scss';

export default function ContestListPage() {
  const [page, setPage] = useState(0);
  const state = useRemote(useCallback(() => call('contest', 'list', { page }), [page]));
  useReloadOnReturn(state.reload);
  return (
    <PageShell className="contest">
      <LoadState state={state} loadingText="正在加载评比…">
        {({ contests, hasMore }) => (
          <>
            <View className="card">
              <View className="card__title">创新创优竞赛与典型案例评比</View>
              {contests.length === 0 ? (
                <Text className="muted">暂无评比活动。</Text>
              ) : (
                contests.map((c) => (
                  <View
                    key={c.contestId}
                    className="contest-row"
                    ariaRole="link"
                    onClick={() =>
                      Taro.navigateTo({ url: `/contest/detail/index?id=${encodeURIComponent(c.contestId)}` })
                    }
                  >
                    <View className="contest-row__main">
                      <Text className="contest-row__title">{c.title}</Text>
                      <Text className="contest-row__meta">
                        {c.kind} · {c.entryCount} 个参赛项目 · {contestWhen(c)}
                      </Text>
                    </View>
                    <Text className={`contest-stage contest-stage--${c.stage}`}>
                      {c.voteOpen ? '投票中' : CONTEST_STAGE_LABELS[c.stage]}
                    </Text>
                  </View>
                ))
              )}
            </View>
            <Pager page={page} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
