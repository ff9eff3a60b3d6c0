// 达标创优's 培训 line: the organisations with members not yet trained this quarter, from the quarter's coverage
// counter and the roster sizes (bounded reads on the server), the most untrained first; each opens the 培训台账.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';

/** Organisations listed on the overview; the 培训台账 has them all. */
const SHOWN = 5;

export function TrainingDue() {
  const state = useRemote(useCallback(() => call('register', 'trainingCoverage', {}), []));
  const open = () => Taro.navigateTo({ url: '/admin/trainings/index' });
  return (
    <LoadState state={state} loadingText="正在读取培训情况…">
      {({ label, rows, counts }) => (
        <View className="card training-due">
          <View className="card__title">
            培训：{label}有 {counts.orgs} 个组织、{counts.untrained} 名党员尚未参加培训
          </View>
          {rows
            .filter((r) => r.untrained > 0)
            .slice(0, SHOWN)
            .map((r) => (
              <View key={r.orgId} className="admin-list__row" onClick={open}>
                <View className="admin-list__main">
                  <Text className="admin-list__name">{r.orgName}</Text>
                  <Text className="admin-list__meta">
                    已培训 {r.trained} / {r.members} 人
                  </Text>
                </View>
                <Text className="terms__state terms__state--due3">{r.untrained} 人未培训</Text>
              </View>
            ))}
          <Text className="admin-list__action terms-due__all" onClick={open}>
            打开培训台账
          </Text>
        </View>
      )}
    </LoadState>
  );
}
