// 现场赛 player: joins the session (from the big screen's code or 首页/学习), then follows the host in realtime —
// waiting, the stem and then large options, one answer (a stake in 风险, a buzz in 抢答), right/wrong with points at
// reveal, own rank and team rank. A phone that was closed comes back to the current question with its score.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { PageShell } from '@/components/page-shell';
import { OptionList, TypeTag, typeHint } from '@/components/quiz-ui';
import type { ActionOutput, LiveMine, LiveState } from '@/domain/api';
import { useNow } from '@/hooks/use-now';
import { useLiveSession } from '@/hooks/use-live-session';
import { call } from '@/services/call';
import type { CallError } from '@/services/call-error';
import { toCallError } from '@/services/call-error';
import { LIVE_STAKES, msUntil, pointsText, questionLabel, scoreText, secondsLeft } from '@/utils/live';
import { choiceText, toggleChoice } from '@/utils/quiz';
import '../../components/quiz-ui/index.scss';
import './index.scss';

type Joined = ActionOutput<'live', 'join'>;
/** An answer on its way: a lost connection in the last second is retried within the server's grace. */
const SEND_RETRY_DELAYS_MS = [400, 800];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The session this page is for: `?id=` from 首页/学习, or the `scene` of a scanned mini-program code. */
export function sessionIdFrom(params: Record<string, string | undefined>): string {
  if (params.id) return decodeURIComponent(params.id);
  return params.scene ? decodeURIComponent(params.scene) : '';
}

function Waiting({ title, text }: { title: string; text: string }) {
  return (
    <View className="live-play__waiting">
      <View className="live-play__pulse" />
      <Text className="live-play__waiting-title">{title}</Text>
      <Text className="live-play__waiting-text">{text}</Text>
    </View>
  );
}

interface QuestionProps {
  state: LiveState;
  mine: LiveMine | null;
  sessionId: string;
  serverNow: number;
  onSent: () => void;
}

/** A stake for 风险: one of the unused ones, chosen before the answer. */
function StakePicker({ left, value, onPick }: { left: number[]; value: number | null; onPick: (s: number) => void }) {
  return (
    <View className="live-stakes" ariaRole="radiogroup" ariaLabel="选择本题分值">
      <Text className="live-stakes__label">本题分值（答对加、答错扣）：</Text>
      <View className="live-stakes__row">
        {LIVE_STAKES.map((s) => {
          const usable = left.includes(s);
          return (
            <View
              key={s}
              className={`live-stake${value === s ? ' live-stake--on' : ''}${usable ? '' : ' live-stake--used'}`}
              ariaRole="radio"
              ariaLabel={`${s} 分${usable ? '' : '（已用过）'}`}
              onClick={usable ? () => onPick(s) : undefined}
            >
              {s}
            </View>
          );
        })}
      </View>
    </View>
  );
}

function Answering({ state, mine, sessionId, serverNow, onSent }: QuestionProps) {
  const q = state.question;
  const [choice, setChoice] = useState<number[]>([]);
  const [stake, setStake] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<number[] | null>(null);
  useEffect(() => {
    setChoice([]);
    setStake(null);
    setSent(null);
    setFailure(null);
  }, [state.index]);

  const already = mine?.current && mine.current.index === state.index ? mine.current.choice : null;
  const given = sent ?? already;
  const optionsIn = msUntil(state.optionsAt, serverNow, 0) ?? 0;
  const left = msUntil(state.deadline, serverNow, 0);
  const risk = state.kind === '风险';
  if (!q) return null;

  const send = async (picked: number[]) => {
    if (sending || given) return;
    if (risk && stake === null) {
      setFailure('请先选择本题分值');
      return;
    }
    setSending(true);
    setFailure(null);
    for (let retry = 0; ; retry++) {
      try {
        await call('live', 'answer', {
          sessionId,
          index: state.index,
          choice: picked,
          ...(risk && stake !== null ? { stake } : {}),
        });
        setSent(picked);
        break;
      } catch (err) {
        const e = toCallError(err);
        if (e.code === 'ALREADY_EXISTS') {
          setSent(picked);
          break;
        }
        if (e.code === 'UNAVAILABLE' && retry < SEND_RETRY_DELAYS_MS.length) {
          await sleep(SEND_RETRY_DELAYS_MS[retry]);
          continue;
        }
        setFailure(e.code === 'FAILED_PRECONDITION' ? `未能提交：${e.message}` : e.message);
        break;
      }
    }
    setSending(false);
    onSent();
  };

  const tap = (i: number) => {
    if (given || sending) return;
    if (q.type === 'multiple') setChoice(toggleChoice(q.type, choice, i));
    else void send([i]);
  };

  return (
    <View className="live-play__question">
      <View className="live-play__meta">
        <Text className="live-play__label">{questionLabel(state)}</Text>
        {left !== null && optionsIn === 0 && (
          <Text className={`live-play__clock${left <= 5000 ? ' live-play__clock--hurry' : ''}`}>
            {secondsLeft(left)} 秒
          </Text>
        )}
      </View>
      <TypeTag type={q.type} />
      <Text className="quiz-stem live-play__stem">{q.stem}</Text>
      {optionsIn > 0 ? (
        <Text className="live-play__reading">请读题，{secondsLeft(optionsIn)} 秒后出现选项</Text>
      ) : given ? (
        <View className="live-play__sent">
          <Text className="live-play__sent-title">✓ 已作答</Text>
          <Text className="live-play__sent-text">
            您的答案：{choiceText(given, q.type, q.options)}
            {risk && mine?.current?.stake ? ` · 分值 ${mine.current.stake}` : ''}，等待揭晓
          </Text>
        </View>
      ) : left === 0 ? (
        <Waiting title="时间到" text="本题已停止作答，等待主持人揭晓答案" />
      ) : (
        <>
          {risk && <StakePicker left={mine?.stakesLeft ?? [...LIVE_STAKES]} value={stake} onPick={setStake} />}
          <Text className="quiz-hint">{typeHint(q.type)}</Text>
          <OptionList question={{ questionId: `live-${state.index}`, ...q }} chosen={choice} onTap={tap} />
          {q.type === 'multiple' && (
            <Button
              className="live-play__submit"
              type="primary"
              size="large"
              block
              disabled={choice.length === 0 || sending}
              onClick={() => void send(choice)}
            >
              {sending ? '正在提交…' : '提交答案'}
            </Button>
          )}
        </>
      )}
      {failure && <Text className="live-play__error">{failure}</Text>}
    </View>
  );
}

function Buzzing({ state, mine, sessionId, serverNow, onSent }: QuestionProps) {
  const [result, setResult] = useState<{ accepted: boolean; order: number | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const busy = useRef(false);
  useEffect(() => {
    setResult(null);
    setFailure(null);
  }, [state.index]);
  const q = state.question;
  const unlocked = state.unlockedAt !== null;
  const left = msUntil(state.deadline, serverNow, 0);
  // Refused before the unlock: a false start, which the server also reports through `mine`.
  const falseStart = mine?.falseStart === true || (result !== null && !result.accepted && result.order === null);

  const buzz = async () => {
    if (busy.current || result) return;
    busy.current = true;
    try {
      setResult(await call('live', 'buzz', { sessionId, index: state.index }));
    } catch (err) {
      setFailure(toCallError(err).message);
    }
    busy.current = false;
    onSent();
  };

  return (
    <View className="live-play__question">
      <View className="live-play__meta">
        <Text className="live-play__label">{questionLabel(state)}</Text>
        {unlocked && left !== null && <Text className="live-play__clock">{secondsLeft(left)} 秒</Text>}
      </View>
      {q && <Text className="quiz-stem live-play__stem">{q.stem}</Text>}
      {q && (
        <View className="live-play__buzz-options">
          {q.options.map((o, i) => (
            <Text key={`${i}-${o}`} className="live-play__buzz-option">
              {String.fromCharCode(65 + i)}. {o}
            </Text>
          ))}
        </View>
      )}
      {falseStart || result ? (
        <View className="live-play__sent">
          <Text className="live-play__sent-title">
            {falseStart ? '抢答犯规' : result?.accepted ? `已抢答（第 ${result.order ?? 1} 位）` : '未抢到'}
          </Text>
          <Text className="live-play__sent-text">
            {falseStart ? '主持人宣布开始前抢答，本题不能再抢' : '请看大屏幕，等待主持人判定'}
          </Text>
        </View>
      ) : (
        <>
          <View
            className={`live-play__buzz${unlocked ? ' live-play__buzz--on' : ''}`}
            ariaRole="button"
            ariaLabel="抢答"
            onClick={() => void buzz()}
          >
            抢答
          </View>
          <Text className="live-play__buzz-hint">
            {unlocked ? '抢答已开始！' : '听主持人宣布“开始抢答”后再按，提前按视为犯规'}
          </Text>
        </>
      )}
      {failure && <Text className="live-play__error">{failure}</Text>}
    </View>
  );
}

function Standing({ mine, teams }: { mine: LiveMine; teams: boolean }) {
  return (
    <View className="live-play__standing">
      <View className="live-play__stat">
        <Text className="live-play__stat-value">{scoreText(mine.score)}</Text>
        <Text className="live-play__stat-label">我的得分</Text>
      </View>
      <View className="live-play__stat">
        <Text className="live-play__stat-value">{mine.rank ?? '–'}</Text>
        <Text className="live-play__stat-label">个人排名</Text>
      </View>
      {teams && (
        <View className="live-play__stat">
          <Text className="live-play__stat-value">{mine.teamRank ?? '–'}</Text>
          <Text className="live-play__stat-label">支部排名</Text>
        </View>
      )}
    </View>
  );
}

function Revealed({ state, mine }: { state: LiveState; mine: LiveMine | null }) {
  const q = state.question;
  const mineNow = mine?.current && mine.current.index === state.index ? mine.current : null;
  const answer = state.answer ?? [];
  let verdict: { tone: 'right' | 'wrong' | 'none'; title: string; text: string };
  if (state.kind === '抢答' && !mineNow) {
    const w = state.buzzWinner;
    verdict = {
      tone: 'none',
      title: w ? `${w.name} 抢答${state.buzzCorrect ? '正确' : '错误'}` : '本题无人抢答',
      text: '下一题继续加油',
    };
  } else if (!mineNow) {
    verdict = { tone: 'none', title: '本题未作答', text: '下一题请在倒计时结束前作答' };
  } else if (mineNow.correct === null) {
    verdict = { tone: 'none', title: '正在计分…', text: '' };
  } else {
    verdict = {
      tone: mineNow.correct ? 'right' : 'wrong',
      title: mineNow.correct ? '回答正确' : '回答错误',
      text: `本题得分 ${pointsText(mineNow.points ?? 0)}`,
    };
  }
  return (
    <View className="live-play__question">
      <Text className="live-play__label">{questionLabel(state)}</Text>
      <View className={`live-play__verdict live-play__verdict--${verdict.tone}`} ariaRole="status">
        <Text className="live-play__verdict-title">
          {verdict.tone === 'right' ? '✓ ' : verdict.tone === 'wrong' ? '✗ ' : ''}
          {verdict.title}
        </Text>
        {verdict.text && <Text className="live-play__verdict-text">{verdict.text}</Text>}
      </View>
      {q && (
        <>
          <Text className="quiz-stem live-play__stem">{q.stem}</Text>
          <OptionList
            question={{ questionId: `live-${state.index}`, ...q }}
            chosen={mineNow?.choice ?? []}
            answer={answer}
          />
        </>
      )}
    </View>
  );
}

function Stage({ sessionId, joined }: { sessionId: string; joined: Joined }) {
  const live = useLiveSession(sessionId);
  const { state } = live;
  const { mine, readMine } = usePlayerMine(sessionId, state);
  const now = useNow(250);
  const serverNow = now + live.offsetMs;

  if (!state) return <Waiting title="正在连接现场赛…" text="请稍候" />;
  const head = (
    <View className="live-play__head">
      <Text className="live-play__title">{state.title}</Text>
      <Text className="live-play__who">
        {joined.name}
        {live.status === 'polling' ? ' · 网络不稳，正在重连' : ''}
      </Text>
    </View>
  );

  let body;
  switch (state.phase) {
    case 'draft':
      body = <Waiting title="现场赛尚未开放" text="主持人开放入场后，本页会自动进入" />;
      break;
    case 'lobby':
      body = (
        <Waiting
          title="已加入，等待开始"
          text={`已有 ${state.joined} 人加入。请看大屏幕，主持人开始后题目会出现在这里`}
        />
      );
      break;
    case 'question':
      body =
        state.kind === '抢答' ? (
          <Buzzing state={state} mine={mine} sessionId={sessionId} serverNow={serverNow} onSent={readMine} />
        ) : (
          <Answering state={state} mine={mine} sessionId={sessionId} serverNow={serverNow} onSent={readMine} />
        );
      break;
    case 'locked':
      body =
        state.kind === '抢答' && state.buzzWinner ? (
          <Waiting title={`${state.buzzWinner.name} 抢到答题权`} text="请听其作答，等待主持人判定" />
        ) : (
          <Waiting title="停止作答" text="等待主持人揭晓答案" />
        );
      break;
    case 'revealed':
      body = <Revealed state={state} mine={mine} />;
      break;
    case 'paused':
      body = <Waiting title="比赛暂停" text="主持人暂停了比赛，请稍候" />;
      break;
    case 'ended':
      body = (
        <View className="live-play__question">
          <Text className="live-play__verdict-title">现场赛已结束</Text>
          <Text className="live-play__waiting-text">感谢参与！成绩已计入积分，名次见大屏幕。</Text>
        </View>
      );
      break;
  }
  return (
    <>
      {head}
      {body}
      {mine && mine.joined && <Standing mine={mine} teams={state.teams} />}
    </>
  );
}

/** `mine` of the joined player, read again at each new question, reveal and end. */
function usePlayerMine(sessionId: string, state: LiveState | null) {
  const [mine, setMine] = useState<LiveMine | null>(null);
  const latest = useRef(0);
  const readMine = useCallback(() => {
    const mineNo = ++latest.current;
    call('live', 'mine', { sessionId }).then(
      (m) => mineNo === latest.current && setMine(m),
      () => undefined,
    );
  }, [sessionId]);
  const moment = state ? `${state.index}:${state.phase}` : '';
  useEffect(() => {
    if (moment) readMine();
  }, [moment, readMine]);
  useDidShow(readMine);
  return { mine, readMine };
}

function JoinFailed({ error, onRetry }: { error: CallError; onRetry: () => void }) {
  const notBound = error.code === 'PERMISSION_DENIED' || error.code === 'UNAUTHENTICATED';
  return (
    <View className="live-play__waiting">
      <Text className="live-play__waiting-title">未能加入现场赛</Text>
      <Text className="live-play__waiting-text">{error.message}</Text>
      {notBound ? (
        <Button type="primary" size="large" onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
          去“我的”绑定身份
        </Button>
      ) : (
        <Button type="primary" size="large" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

export default function LivePlayPage() {
  const sessionId = sessionIdFrom(useRouter().params);
  const [joined, setJoined] = useState<Joined | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const join = useCallback(() => {
    if (!sessionId) return;
    setError(null);
    // Joining again returns the same player with the score kept: this is also how a reopened phone comes back.
    call('live', 'join', { sessionId }).then(setJoined, (e: unknown) => setError(toCallError(e)));
  }, [sessionId]);
  useEffect(join, [join]);

  return (
    <PageShell className="live-play">
      {!sessionId ? (
        <Waiting title="没有找到现场赛" text="请扫描大屏幕上的二维码，或从首页进入" />
      ) : error ? (
        <JoinFailed error={error} onRetry={join} />
      ) : !joined ? (
        <Waiting title="正在加入现场赛…" text="请稍候" />
      ) : (
        <Stage sessionId={sessionId} joined={joined} />
      )}
    </PageShell>
  );
}
