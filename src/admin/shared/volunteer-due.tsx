// 达标创优's 志愿服务 line: this year's hours per organisation from the register's summary (one read on the server),
// the organisations without service named; it opens the 志愿服务台账.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';

export function VolunteerDue() {
  const state = useRemote(useCallback(() => call('register', 'volSummary', {}), []));
  return (
    <LoadState state={state} loadingText="正在读取志愿服务时长…">
      {({ year, rows, totalHours, without }) => (
        <View className="card volunteer-due">
          <View className="card__title">
            志愿服务（{year}年）：共 {totalHours} 小时，尚无服务的组织 {without} 个
          </View>
          {rows
            .filter((r) => r.hours > 0)
            .sort((a, b) => b.hours - a.hours)
            .map((r) => (
              <View key={r.orgId} className="admin-list__row">
                <Text className="admin-list__name">{r.orgName}</Text>
                <Text className="admin-list__meta">
                  {r.hours} 小时 · {r.people} 人次
                </Text>
              </View>
            ))}
          {without > 0 && (
            <Text className="admin-list__meta">
              尚无：
              {rows
                .filter((r) => r.hours === 0)
                .map((r) => r.orgName)
                .join('、')}
            </Text>
          )}
          <Text
            className="admin-list__action terms-due__all"
            onClick={() => Taro.navigateTo({ url: '/admin/volunteer/index' })}
          >
            打开志愿服务台账
          </Text>
        </View>
      )}
    </LoadState>
  );
}
