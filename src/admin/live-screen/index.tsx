// 现场赛 big screen (the projector, landscape): the lobby with the join code and joined count, the question with its
// countdown and answered count, the distribution and right answer at reveal, the top 10 and every 支部, a podium at the
// end. A fixed 16:9 stage scaled to the window (1 em = 1/192 of its width), so 1280×720 to 3840×2160 all fit.
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { LiveBoard, LivePlayerRow, LiveState, LiveTeamRow } from '@/domain/api';
import { useNow } from '@/hooks/use-now';
import { useLiveSession, useLiveTicks } from '@/hooks/use-live-session';
import { liveJoinCode, liveJoinLink } from '@/services/live-join';
import { LIVE_PHASE_LABELS, msUntil, questionLabel, scoreText, secondsLeft } from '@/utils/live';
import { optionLetter } from '@/utils/quiz';
import './index.scss';

/** The stage's size in CSS pixels: the largest 16:9 box in the window. */
function useStage(): { width: number; height: number } {
  const measure = () => {
    const { windowWidth, windowHeight } = Taro.getWindowInfo();
    const width = Math.min(windowWidth, (windowHeight * 16) / 9);
    return { width, height: (width * 9) / 16 };
  };
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    Taro.onWindowResize?.(onResize);
    return () => Taro.offWindowResize?.(onResize);
  }, []);
  return size;
}

function JoinCode({ sessionId }: { sessionId: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    liveJoinCode(sessionId).then(setImage, () => setImage(null));
  }, [sessionId]);
  const link = liveJoinLink(sessionId);
  return (
    <View className="screen-join">
      <View className="screen-join__code" data-join-url={link ?? ''}>
        {image ? (
          <Image className="screen-join__image" src={image} mode="scaleToFill" ariaLabel="加入现场赛的二维码" />
        ) : (
          <Text className="screen-join__fallback">打开小程序 首页 →“现场赛”加入</Text>
        )}
      </View>
      <Text className="screen-join__scan">微信扫码加入</Text>
      {link && <Text className="screen-join__link">本地调试地址：{link}</Text>}
    </View>
  );
}

function Lobby({ state, sessionId }: { state: LiveState; sessionId: string }) {
  return (
    <View className="screen-lobby">
      <JoinCode sessionId={sessionId} />
      <View className="screen-lobby__side">
        <Text className="screen-lobby__count">{state.joined}</Text>
        <Text className="screen-lobby__label">人已加入</Text>
        <View className="screen-lobby__rules">
          <Text className="screen-lobby__rule">
            共 {state.total} 题，{state.rounds.map((r) => r.kind).join('、')}
          </Text>
          <Text className="screen-lobby__rule">
            {state.scoring === 'speed' ? '答对得分，越快越多' : '答对得分，同分比用时'}
            {state.teams ? '；支部成绩取队员平均分' : ''}
          </Text>
          <Text className="screen-lobby__rule">请党员用手机扫码，绑定身份后即可参赛</Text>
        </View>
      </View>
    </View>
  );
}

function Options({ state, showAnswer }: { state: LiveState; showAnswer: boolean }) {
  const q = state.question;
  if (!q) return null;
  const answer = showAnswer ? (state.answer ?? []) : [];
  const counts = showAnswer ? state.distribution : null;
  const total = counts ? Math.max(1, ...counts) : 1;
  return (
    <View className={`screen-options screen-options--${q.options.length > 4 ? 'many' : 'few'}`}>
      {q.options.map((text, i) => {
        const right = answer.includes(i);
        const n = counts?.[i] ?? 0;
        return (
          <View
            key={`${i}-${text}`}
            className={`screen-option${showAnswer ? (right ? ' screen-option--right' : ' screen-option--dim') : ''}`}
          >
            <Text className="screen-option__letter">{optionLetter(i)}</Text>
            <View className="screen-option__main">
              <Text className="screen-option__text">
                {text}
                {right ? ' ✓' : ''}
              </Text>
              {counts && (
                <View className="screen-option__bar" ariaLabel={`${optionLetter(i)} 选择 ${n} 人`}>
                  <View className="screen-option__fill" style={{ width: `${(n / total) * 100}%` }} />
                </View>
              )}
            </View>
            {counts && <Text className="screen-option__count">{n} 人</Text>}
          </View>
        );
      })}
    </View>
  );
}

function Question({ state, serverNow }: { state: LiveState; serverNow: number }) {
  const q = state.question;
  const optionsIn = msUntil(state.optionsAt, serverNow, 0) ?? 0;
  const left = msUntil(state.deadline, serverNow, 0);
  const buzz = state.kind === '抢答';
  let clock: string;
  let clockLabel: string;
  if (state.phase === 'locked') {
    clock = '停';
    clockLabel = '停止作答';
  } else if (optionsIn > 0) {
    clock = String(secondsLeft(optionsIn));
    clockLabel = '读题';
  } else if (buzz && !state.unlockedAt) {
    clock = '–';
    clockLabel = '等待开始抢答';
  } else {
    clock = left === null ? '–' : String(secondsLeft(left));
    clockLabel = buzz ? '抢答中' : '剩余秒数';
  }
  return (
    <View className="screen-question">
      <View className="screen-question__main">
        <Text className="screen-question__stem">{q?.stem}</Text>
        {optionsIn === 0 && <Options state={state} showAnswer={false} />}
        {state.phase === 'locked' && state.buzzWinner && (
          <Text className="screen-question__winner">{state.buzzWinner.name} 抢到答题权，请作答</Text>
        )}
      </View>
      <View className="screen-question__side">
        <View
          className={`screen-clock${left !== null && left <= 5000 && state.phase === 'question' ? ' screen-clock--hurry' : ''}`}
        >
          <Text className="screen-clock__value">{clock}</Text>
          <Text className="screen-clock__label">{clockLabel}</Text>
        </View>
        <View className="screen-answered">
          <Text className="screen-answered__value">
            {state.answered}
            <Text className="screen-answered__of"> / {state.joined}</Text>
          </Text>
          <Text className="screen-answered__label">{buzz ? '人抢答' : '人已作答'}</Text>
        </View>
      </View>
    </View>
  );
}

function PlayerRows({ rows }: { rows: LivePlayerRow[] }) {
  return (
    <View className="screen-board__list" ariaLabel="个人前十名">
      {rows.length === 0 && <Text className="screen-board__empty">揭晓答案后显示</Text>}
      {rows.map((p) => (
        <View key={p.memberId} className={`screen-board__row screen-board__row--r${Math.min(p.rank, 4)}`}>
          <Text className="screen-board__rank">{p.rank}</Text>
          <Text className="screen-board__name">{p.name}</Text>
          <Text className="screen-board__score">{scoreText(p.score)}</Text>
        </View>
      ))}
    </View>
  );
}

function TeamRows({ rows }: { rows: LiveTeamRow[] }) {
  // Every 支部 must fit: the rows shrink when there are many.
  const size = rows.length > 14 ? 'tiny' : rows.length > 9 ? 'small' : 'normal';
  return (
    <View className={`screen-board__list screen-board__list--${size}`} ariaLabel="支部排名">
      {rows.map((t) => (
        <View key={t.teamId} className={`screen-board__row screen-board__row--r${Math.min(t.rank, 4)}`}>
          <Text className="screen-board__rank">{t.rank}</Text>
          <Text className="screen-board__name">
            {t.name}
            <Text className="screen-board__sub">（{t.players}人）</Text>
          </Text>
          <Text className="screen-board__score">{scoreText(t.score)}</Text>
        </View>
      ))}
    </View>
  );
}

function Board({ board, teams }: { board: LiveBoard | null; teams: boolean }) {
  return (
    <View className={`screen-board${teams ? ' screen-board--teams' : ''}`}>
      <View className="screen-board__col screen-board__col--players">
        <Text className="screen-board__title">个人前十</Text>
        <PlayerRows rows={board?.players ?? []} />
      </View>
      {teams && (
        <View className="screen-board__col">
          <Text className="screen-board__title">支部排名</Text>
          <TeamRows rows={board?.teams ?? []} />
        </View>
      )}
    </View>
  );
}

function Revealed({ state, board }: { state: LiveState; board: LiveBoard | null }) {
  const answered = state.distribution ? state.answered : 0;
  const rate = answered > 0 && state.rightCount !== null ? Math.round((state.rightCount / answered) * 100) : null;
  return (
    <View className="screen-reveal">
      <View className="screen-reveal__question">
        <Text className="screen-question__stem screen-question__stem--small">{state.question?.stem}</Text>
        <Options state={state} showAnswer />
        <Text className="screen-reveal__summary">
          {state.kind === '抢答'
            ? state.buzzWinner
              ? `${state.buzzWinner.name} 抢答${state.buzzCorrect ? '正确' : '错误'}`
              : '本题无人抢答'
            : `答对 ${state.rightCount ?? 0} 人 / 作答 ${state.answered} 人${rate !== null ? ` · 正确率 ${rate}%` : ''}`}
        </Text>
      </View>
      <Board board={board} teams={state.teams} />
    </View>
  );
}

function Podium({ board, teams }: { board: LiveBoard | null; teams: boolean }) {
  const top = (board?.players ?? []).filter((p) => p.rank <= 3).slice(0, 3);
  // 2nd on the left, 1st in the middle, 3rd on the right, as on a real podium.
  const order = [top[1], top[0], top[2]].filter(Boolean) as LivePlayerRow[];
  return (
    <View className={`screen-end${teams ? ' screen-end--teams' : ''}`}>
      <View className="screen-podium" ariaLabel="个人前三名">
        {order.map((p) => (
          <View key={p.memberId} className={`screen-podium__place screen-podium__place--${p.rank}`}>
            <Text className="screen-podium__name">{p.name}</Text>
            <Text className="screen-podium__score">{scoreText(p.score)} 分</Text>
            <View className="screen-podium__block">
              <Text className="screen-podium__rank">{p.rank}</Text>
            </View>
          </View>
        ))}
        {order.length === 0 && <Text className="screen-board__empty">没有选手得分</Text>}
      </View>
      {teams && (
        <View className="screen-board__col screen-end__teams">
          <Text className="screen-board__title">支部排名</Text>
          <TeamRows rows={board?.teams ?? []} />
        </View>
      )}
    </View>
  );
}

function Screen({ sessionId }: { sessionId: string }) {
  const { state, board, offsetMs, status, accept } = useLiveSession(sessionId);
  useLiveTicks(sessionId, state, accept);
  const now = useNow(250);
  const stage = useStage();
  const serverNow = now + offsetMs;

  let body;
  if (!state) body = <Text className="screen-message">正在连接现场赛…</Text>;
  else if (state.phase === 'draft')
    body = <Text className="screen-message">现场赛尚未开放入场，请在主持台点击“开放入场”</Text>;
  else if (state.phase === 'lobby') body = <Lobby state={state} sessionId={sessionId} />;
  else if (state.phase === 'question' || state.phase === 'locked')
    body = <Question state={state} serverNow={serverNow} />;
  else if (state.phase === 'revealed') body = <Revealed state={state} board={board} />;
  else if (state.phase === 'paused') body = <Text className="screen-message">比赛暂停，请稍候</Text>;
  else body = <Podium board={board} teams={state.teams} />;

  return (
    <View className="screen-frame">
      <View
        className="screen"
        style={{ width: `${stage.width}px`, height: `${stage.height}px`, fontSize: `${stage.width / 192}px` }}
      >
        <View className="screen__head">
          <Text className="screen__title">{state?.title ?? '现场赛'}</Text>
          <Text className="screen__phase">
            {state && state.index >= 0 && state.phase !== 'ended'
              ? questionLabel(state)
              : state
                ? LIVE_PHASE_LABELS[state.phase]
                : ''}
          </Text>
          <Text className="screen__joined">
            {state ? `已加入 ${state.joined} 人` : ''}
            {status === 'polling' ? ' · 重连中' : ''}
          </Text>
        </View>
        <View className="screen__body">{body}</View>
      </View>
    </View>
  );
}

export default function LiveScreenPage() {
  const sessionId = decodeURIComponent(useRouter().params.id ?? '');
  return sessionId ? (
    <Screen sessionId={sessionId} />
  ) : (
    <View className="screen-frame">
      <Text className="screen-message">缺少现场赛编号，请从主持台打开大屏幕</Text>
    </View>
  );
}
