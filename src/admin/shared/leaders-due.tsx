// 达标创优's 领学 line: the leaders (领导干部) without a 领学带学督学 visit to a contact point this year, from the
// register's summary (one read on the server), each opening the leader's records; nothing listed when all have one.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';

export function LeadersDue() {
  const state = useRemote(useCallback(() => call('register', 'leaders', {}), []));
  return (
    <LoadState state={state} loadingText="正在读取领学情况…">
      {({ rows, counts, year }) => (
        <View className="card leaders-due">
          <View className="card__title">
            领学带学督学：{counts.leaders} 名领导干部，{year}年未开展 {counts.without} 名
          </View>
          {rows
            .filter((r) => r.visits === 0)
            .map((r) => (
              <View
                key={r.memberId}
                className="admin-list__row"
                onClick={() =>
                  Taro.navigateTo({ url: `/admin/leader-visits/index?leaderId=${encodeURIComponent(r.memberId)}` })
                }
              >
                <View className="admin-list__main">
                  <Text className="admin-list__name">{r.name}</Text>
                  <Text className="admin-list__meta">
                    {r.title} · 联系点：{r.contacts.map((c) => c.orgName).join('、')}
                  </Text>
                </View>
                <Text className="terms__state terms__state--overdue">未开展</Text>
              </View>
            ))}
          <Text
            className="admin-list__action terms-due__all"
            onClick={() => Taro.navigateTo({ url: '/admin/register-leaders/index' })}
          >
            打开领学带学督学台账
          </Text>
        </View>
      )}
    </LoadState>
  );
}
