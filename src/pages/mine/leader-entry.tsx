// 领学带学督学 on 我的: shown only to a member the 工委 has marked as 领导干部 (the session says so, so a member who
// is not one makes no call). The leader's own row from register.leaders nudges him: 今年未开展 when he has no visit
// this year, his contact points and the year's count; while it loads or if it fails, a plain line. It opens his
// records and the form that records a visit.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';

export function LeaderEntry({ memberId }: { memberId: string }) {
  const state = useRemote(useCallback(() => call('register', 'leaders', {}), []));
  useReloadOnReturn(state.reload);
  const me = state.data?.rows.find((r) => r.memberId === memberId);
  return (
    <View className="card mine-menu">
      <View className="mine-menu__item" onClick={() => Taro.navigateTo({ url: '/admin/leader-visits/index' })}>
        <View className="mine-menu__text">
          <Text className="mine-menu__title">
            领学带学督学
            {me?.visits === 0 && <Text className="mine-review__badge">今年未开展</Text>}
          </Text>
          {me && state.data ? (
            <Text className="mine-menu__desc">
              到联系点{me.contacts.map((c) => c.orgName).join('、')}领学、带学、督学，{state.data.year}年已登记{' '}
              {me.visits} 次
            </Text>
          ) : (
            <Text className="mine-menu__desc">到联系点领学、带学、督学：查看和登记我的领学记录</Text>
          )}
        </View>
        <View className="mine-menu__chevron" />
      </View>
    </View>
  );
}
