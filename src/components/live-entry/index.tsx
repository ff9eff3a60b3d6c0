// 现场赛 banner on 首页 and 学习: the sessions a member can join right now (in the lobby or running), one tap to join.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LivePhase } from '@/domain/api';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { LIVE_PLAY_PAGE } from '@/utils/live';
import './index.scss';

/** Phases in which a member can still take part (joining mid-way answers the questions still to come). */
const JOINABLE: readonly LivePhase[] = ['lobby', 'question', 'locked', 'revealed', 'paused'];

export function LiveEntry() {
  const state = useRemote(useCallback(() => call('live', 'list', {}), []));
  useReloadOnReturn(state.reload);
  // Quiet on failure: the banner is an extra, the page's own content must not suffer from it.
  const open = (state.data?.sessions ?? []).filter((s) => s.canJoin && JOINABLE.includes(s.phase));
  if (open.length === 0) return null;
  return (
    <View className="live-entry">
      {open.map((s) => (
        <View
          key={s.sessionId}
          className="live-entry__item"
          ariaRole="button"
          ariaLabel={`加入现场赛：${s.title}`}
          onClick={() => Taro.navigateTo({ url: `/${LIVE_PLAY_PAGE}?id=${encodeURIComponent(s.sessionId)}` })}
        >
          <Text className="live-entry__badge">{s.phase === 'lobby' ? '入场中' : '进行中'}</Text>
          <View className="live-entry__text">
            <Text className="live-entry__title">{s.title}</Text>
            <Text className="live-entry__desc">现场赛 · 已有 {s.joined} 人加入，点此参赛</Text>
          </View>
          <Text className="live-entry__go">加入</Text>
        </View>
      ))}
    </View>
  );
}
