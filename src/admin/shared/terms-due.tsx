// 达标创优's 换届 line: the organisations whose term is overdue or ends within 6 months, from the register's summary
// (one read on the server), each opening its term; nothing when all are within their terms.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { TERM_STATE_LABELS } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';

export function TermsDue() {
  const state = useRemote(useCallback(() => call('register', 'terms', {}), []));
  return (
    <LoadState state={state} loadingText="正在读取换届情况…">
      {({ rows, counts }) => {
        const due = rows.filter((r) => r.state !== 'ok' && r.state !== 'none');
        return (
          <View className="card terms-due">
            <View className="card__title">
              换届：已超期 {counts.overdue} 个，半年内到期 {counts.due} 个，未登记 {counts.none} 个
            </View>
            {due.map((r) => (
              <View
                key={r.orgId}
                className="admin-list__row"
                onClick={() => Taro.navigateTo({ url: `/admin/term-form/index?orgId=${encodeURIComponent(r.orgId)}` })}
              >
                <View className="admin-list__main">
                  <Text className="admin-list__name">{r.orgName}</Text>
                  <Text className="admin-list__meta">{r.endsOn} 届满</Text>
                </View>
                <Text className={`terms__state terms__state--${r.state}`}>{TERM_STATE_LABELS[r.state]}</Text>
              </View>
            ))}
            <Text
              className="admin-list__action terms-due__all"
              onClick={() => Taro.navigateTo({ url: '/admin/register-terms/index' })}
            >
              打开换届选举台账
            </Text>
          </View>
        );
      }}
    </LoadState>
  );
}
