// 现场赛主持台: runs one session — open the lobby, next question, unlock 抢答, judge its winner, reveal, pause/resume,
// end — with the current state in realtime, the question's answer, answered and joined counts, flagged fast answers,
// the big screen's address and the Excel export.
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionInput, ActionOutput, HostCommand, LiveState } from '@/domain/api';
import { useNow } from '@/hooks/use-now';
import { useLiveSession, useLiveTicks } from '@/hooks/use-live-session';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import { liveAppLink } from '@/services/live-join';
import { LIVE_PHASE_LABELS, LIVE_SCREEN_PAGE, msUntil, questionLabel, scoreText, secondsLeft } from '@/utils/live';
import { choiceText } from '@/utils/quiz';
import { AdminGate } from '../shared/admin-gate';
import '../live/index.scss';

type HostView = ActionOutput<'live', 'hostView'>;
type HostInput = ActionInput<'live', 'host'>;

interface Control {
  key: string;
  label: string;
  input: Omit<HostInput, 'sessionId'>;
  primary?: boolean;
  /** Asked before sending (for what cannot be undone). */
  confirm?: string;
}

/** The commands that make sense in the current phase, the main one first (the server refuses the others anyway). */
export function hostControls(s: LiveState, winnerId: string | null): Control[] {
  const cmd = (command: HostCommand, label: string, extra: Partial<Control> = {}): Control => ({
    key: command,
    label,
    input: { command },
    ...extra,
  });
  const end = cmd('end', '结束比赛', { confirm: '结束后不能再出题，确定结束本场现场赛吗？' });
  const last = s.index >= s.total - 1;
  switch (s.phase) {
    case 'draft':
      return [cmd('open', '开放入场', { primary: true })];
    case 'lobby':
      return [cmd('next', '开始第一题', { primary: true }), cmd('pause', '暂停'), end];
    case 'question':
      if (s.kind === '抢答' && !s.unlockedAt) {
        return [cmd('unlock', '开始抢答', { primary: true }), cmd('reveal', '揭晓答案'), cmd('pause', '暂停'), end];
      }
      return [cmd('reveal', '揭晓答案', { primary: true }), cmd('pause', '暂停'), end];
    case 'locked':
      if (s.kind === '抢答' && winnerId && s.buzzCorrect === null) {
        return [
          {
            key: 'judge-right',
            label: '判定答对',
            input: { command: 'judge', memberId: winnerId, correct: true },
            primary: true,
          },
          { key: 'judge-wrong', label: '判定答错', input: { command: 'judge', memberId: winnerId, correct: false } },
          cmd('pause', '暂停'),
        ];
      }
      return [cmd('reveal', '揭晓答案', { primary: true }), cmd('pause', '暂停'), end];
    case 'revealed':
      return last ? [{ ...end, primary: true }] : [cmd('next', '下一题', { primary: true }), cmd('pause', '暂停'), end];
    case 'paused':
      return [cmd('resume', '继续比赛', { primary: true }), end];
    case 'ended':
      return [];
  }
}

function Console({ sessionId }: { sessionId: string }) {
  const live = useLiveSession(sessionId);
  const { state, board, accept } = live;
  useLiveTicks(sessionId, state, accept);
  const now = useNow(500);
  const [view, setView] = useState<HostView | null>(null);
  const { busy, error: message, setError: setMessage, submit } = useSave();

  const moment = state ? `${state.index}:${state.phase}` : '';
  const readView = useCallback(() => {
    call('live', 'hostView', { sessionId }).then(setView, (e: unknown) => setMessage(toCallError(e).message));
  }, [sessionId, setMessage]);
  useEffect(() => {
    if (moment) readView();
  }, [moment, readView]);

  const send = async (c: Control) => {
    if (busy) return;
    if (c.confirm) {
      const { confirm } = await Taro.showModal({ title: c.label, content: c.confirm });
      if (!confirm) return;
    }
    await submit(
      () => call('live', 'host', { sessionId, ...c.input }),
      (r) => accept(r.state),
    );
  };

  const exportSheet = () =>
    submit(
      () => call('live', 'export', { sessionId }),
      (out) => openExport(out.url, out.fileName),
    );

  if (!state) return <Text className="muted">正在连接现场赛…</Text>;
  const q = view?.questions.find((x) => x.index === state.index) ?? null;
  const flags = (view?.flags ?? []).filter((f) => f.index === state.index);
  const left = msUntil(state.deadline, now, live.offsetMs);
  const controls = hostControls(state, state.buzzWinner?.memberId ?? null);
  const screenPath = `/${LIVE_SCREEN_PAGE}?id=${encodeURIComponent(sessionId)}`;
  const screenLink = liveAppLink(screenPath);

  return (
    <>
      <View className="card live-run__status">
        <Text className="live-run__title">{state.title}</Text>
        <View className="live-run__row">
          <Text className={`live-phase live-phase--${state.phase}`}>{LIVE_PHASE_LABELS[state.phase]}</Text>
          <Text className="live-run__where">{state.index >= 0 ? questionLabel(state) : `共 ${state.total} 题`}</Text>
          {live.status === 'polling' && <Text className="live-run__polling">实时连接中断，正在轮询</Text>}
        </View>
        <View className="live-run__stats">
          <View className="live-run__stat">
            <Text className="live-run__value">{state.joined}</Text>
            <Text className="live-run__label">已加入</Text>
          </View>
          <View className="live-run__stat">
            <Text className="live-run__value">{state.answered}</Text>
            <Text className="live-run__label">{state.kind === '抢答' ? '已抢答' : '已作答'}</Text>
          </View>
          <View className="live-run__stat">
            <Text className="live-run__value">
              {state.phase === 'question' && left !== null ? secondsLeft(left) : '–'}
            </Text>
            <Text className="live-run__label">剩余秒数</Text>
          </View>
        </View>
      </View>

      <View className="card live-run__controls">
        {controls.map((c) => (
          <Button
            key={c.key}
            className={`live-run__button live-run__button--${c.key}`}
            type={c.primary ? 'primary' : 'default'}
            size="large"
            disabled={busy}
            onClick={() => void send(c)}
          >
            {c.label}
          </Button>
        ))}
        {state.phase === 'ended' && (
          <Button
            className="live-run__button live-run__export"
            type="primary"
            size="large"
            disabled={busy}
            onClick={() => void exportSheet()}
          >
            导出 Excel 成绩
          </Button>
        )}
        {message && <View className="form-error">{message}</View>}
      </View>

      {state.phase === 'locked' && state.buzzWinner && (
        <View className="card live-run__winner">
          <Text className="card__title">抢到答题权：{state.buzzWinner.name}</Text>
          <Text className="card__hint">请其口头作答，再点“判定答对”或“判定答错”。</Text>
        </View>
      )}

      {q && (
        <View className="card live-run__question">
          <View className="card__title">本题（仅主持人可见答案）</View>
          <Text className="live-run__stem">{q.stem}</Text>
          {q.options.map((o, i) => (
            <Text
              key={`${i}-${o}`}
              className={`live-run__option${q.answer.includes(i) ? ' live-run__option--right' : ''}`}
            >
              {String.fromCharCode(65 + i)}. {o}
              {state.distribution ? `（${state.distribution[i] ?? 0} 人）` : ''}
            </Text>
          ))}
          <Text className="live-run__answer">正确答案：{choiceText(q.answer, q.type, q.options)}</Text>
          {q.analysis && <Text className="card__hint">解析：{q.analysis}</Text>}
        </View>
      )}

      {flags.length > 0 && (
        <View className="card live-run__flags">
          <View className="card__title">答题过快（{flags.length}）</View>
          <Text className="card__hint">以下作答快于正常读题速度，请留意是否使用了辅助工具。</Text>
          {flags.map((f) => (
            <Text key={`${f.memberId}-${f.index}`} className="live-run__flag">
              {f.name}：出现选项后 {(f.ms / 1000).toFixed(1)} 秒作答（下限 {(f.floorMs / 1000).toFixed(1)} 秒）
              {f.correct ? '，答对' : '，答错'}
            </Text>
          ))}
        </View>
      )}

      {board && board.players.length > 0 && (
        <View className="card">
          <View className="card__title">当前前十</View>
          {board.players.map((p) => (
            <Text key={p.memberId} className="live-run__rank">
              {p.rank}. {p.name} {scoreText(p.score)} 分
            </Text>
          ))}
        </View>
      )}

      <View className="card">
        <View className="card__title">大屏幕</View>
        <Text className="card__hint">在投影电脑上打开大屏幕页面（横屏全屏），党员扫大屏幕上的二维码加入。</Text>
        <Button
          className="live-run__screen"
          fill="outline"
          size="large"
          onClick={() => Taro.navigateTo({ url: screenPath })}
        >
          打开大屏幕
        </Button>
        {screenLink && (
          <Text className="live-run__link" selectable>
            大屏幕地址：{screenLink}
          </Text>
        )}
      </View>
    </>
  );
}

export default function LiveRunPage() {
  const sessionId = decodeURIComponent(useRouter().params.id ?? '');
  return (
    <AdminGate page="live" className="live-run">
      {() => (sessionId ? <Console sessionId={sessionId} /> : <Text className="muted">缺少现场赛编号</Text>)}
    </AdminGate>
  );
}
