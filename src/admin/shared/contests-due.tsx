// 达标创优's 创新创优 line: for each competition whose submission window is open, the units (机关党委 and the like)
// that have not yet submitted an entry, from the competitions' documents and the directory (bounded reads on the
// server); the competition and each unit open the competition.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { dayTimeText } from '@/utils/time';

/** Units listed per competition; the competition's page has the rest. */
const SHOWN = 5;

const openContest = (contestId: string) =>
  Taro.navigateTo({ url: `/contest/detail/index?id=${encodeURIComponent(contestId)}` });

export function ContestsDue() {
  const state = useRemote(useCallback(() => call('contest', 'due', {}), []));
  return (
    <LoadState state={state} loadingText="正在读取创新创优竞赛…">
      {({ contests }) => (
        <View className="card contests-due">
          <View className="card__title">
            {contests.length ? `创新创优：${contests.length} 项竞赛正在征集参赛项目` : '创新创优：没有正在征集的竞赛'}
          </View>
          {contests.map((c) => (
            <View key={c.contestId}>
              <View className="admin-list__row" onClick={() => openContest(c.contestId)}>
                <View className="admin-list__main">
                  <Text className="admin-list__name">{c.title}</Text>
                  <Text className="admin-list__meta">
                    {c.kind} · 征集至 {dayTimeText(c.submitEndAt)} · 已提交 {c.units - c.missing.length} / {c.units}{' '}
                    个单位
                  </Text>
                </View>
                <Text className={`terms__state terms__state--${c.missing.length ? 'due3' : 'ok'}`}>
                  {c.missing.length ? `${c.missing.length} 个未提交` : '均已提交'}
                </Text>
              </View>
              {c.missing.slice(0, SHOWN).map((u) => (
                <View
                  key={u.orgId}
                  className="admin-list__row contests-due__unit"
                  onClick={() => openContest(c.contestId)}
                >
                  <View className="admin-list__main">
                    <Text className="admin-list__name">{u.name}</Text>
                  </View>
                  <Text className="terms__state terms__state--overdue">未提交</Text>
                </View>
              ))}
              {c.missing.length > SHOWN && (
                <Text className="admin-list__meta contests-due__more" onClick={() => openContest(c.contestId)}>
                  另有 {c.missing.length - SHOWN} 个单位未提交
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
    </LoadState>
  );
}
