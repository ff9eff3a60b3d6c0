// 答题: one question at a time with progress, a countdown on the server's clock (deadline and serverNow from `start`,
// not the phone's time), an answer sheet, answers kept on the phone per attempt (a locked phone or a reload keeps
// them; `start` resumes the open attempt) and on the server (saveAnswers when moving on or leaving, so that answers
// given in time count even if the submit comes too late), auto-submit at zero, and a retried submit.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { OptionList, TypeTag, typeHint } from '@/components/quiz-ui';
import type { StartResult } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import type { CallError } from '@/services/call-error';
import { toCallError } from '@/services/call-error';
import type { QuizDraft } from '@/services/quiz-draft';
import { clearDraft, loadDraft, saveDraft } from '@/services/quiz-draft';
import { clockOffset, countdownText, remainingMs, toggleChoice } from '@/utils/quiz';
import './index.scss';

/** Waits before the automatic retries of a submit that did not reach the server. */
export const SUBMIT_RETRY_DELAYS_MS = [1000, 3000, 6000];
/** Codes worth sending the same submit again for: the server was not reached or had a passing problem. */
const RETRYABLE = new Set(['UNAVAILABLE', 'INTERNAL', 'RESOURCE_EXHAUSTED']);
/** The countdown turns red in the last minute. */
const HURRY_MS = 60_000;

type Attempt = StartResult & { offsetMs: number };
type SendState = { kind: 'idle' } | { kind: 'sending'; retry: number } | { kind: 'failed'; error: CallError };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const resultUrl = (attemptId: string) => `/pages/quiz-result/index?attemptId=${encodeURIComponent(attemptId)}`;

function usePhoneClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Only the answered questions of this paper: what saveAnswers and submit send. */
function answeredOnly(questions: readonly StartResult['questions'][number][], all: Record<string, number[]>) {
  const answers: Record<string, number[]> = {};
  for (const x of questions) {
    const a = all[x.questionId];
    if (a && a.length) answers[x.questionId] = a;
  }
  return answers;
}

/**
 * Keeps the answers on the server too (quiz.saveAnswers), at most one call in flight and only when they changed.
 * A failure is quiet: the phone's draft still has them and the submit sends them all.
 */
function useServerCopy(attemptId: string, kept: Record<string, number[]>) {
  const sent = useRef(JSON.stringify(kept));
  const busy = useRef(false);
  return useCallback(
    (answers: Record<string, number[]>) => {
      const body = JSON.stringify(answers);
      if (busy.current || body === sent.current || body === '{}') return;
      busy.current = true;
      call('quiz', 'saveAnswers', { attemptId, answers })
        .then(() => {
          sent.current = body;
        })
        .catch(() => undefined)
        .finally(() => {
          busy.current = false;
        });
    },
    [attemptId],
  );
}

function Answering({ attempt }: { attempt: Attempt }) {
  const { attemptId, questions } = attempt;
  const [draft, setDraft] = useState<QuizDraft>(() => {
    const saved = loadDraft(attemptId);
    // The server's copy fills in what this phone does not have (another phone, or cleared storage).
    return {
      answers: { ...attempt.kept, ...saved.answers },
      current: Math.min(Math.max(saved.current, 0), questions.length - 1),
    };
  });
  const keepOnServer = useServerCopy(attemptId, attempt.kept);
  useDidHide(() => keepOnServer(answeredOnly(questions, draft.answers)));
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  const sending = useRef(false);
  const now = usePhoneClock();
  const left = remainingMs(attempt.deadline, now, attempt.offsetMs);
  const q = questions[draft.current];
  const chosen = draft.answers[q.questionId] ?? [];
  const answeredCount = questions.filter((x) => (draft.answers[x.questionId]?.length ?? 0) > 0).length;

  const update = (next: QuizDraft) => {
    setDraft(next);
    saveDraft(attemptId, next);
  };
  const go = (index: number) => {
    update({ ...draft, current: index });
    keepOnServer(answeredOnly(questions, draft.answers));
    // A new question starts at its top, under the bar, wherever the last one was scrolled to.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };
  const tap = (i: number) => {
    if (send.kind !== 'idle') return;
    update({ ...draft, answers: { ...draft.answers, [q.questionId]: toggleChoice(q.type, chosen, i) } });
  };

  const submit = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    // Only answered questions and only this attempt's: the draft is what the server scores.
    const answers = answeredOnly(questions, draft.answers);
    const finish = () => {
      clearDraft(attemptId);
      void Taro.redirectTo({ url: resultUrl(attemptId) });
    };
    for (let retry = 0; ; retry++) {
      setSend({ kind: 'sending', retry });
      try {
        await call('quiz', 'submit', { attemptId, answers });
        return finish();
      } catch (err) {
        const e = toCallError(err);
        // The server already closed this attempt (an earlier submit that did arrive, or the deadline): its result stands.
        if (e.code === 'FAILED_PRECONDITION') return finish();
        if (!RETRYABLE.has(e.code) || retry >= SUBMIT_RETRY_DELAYS_MS.length) {
          sending.current = false;
          setSend({ kind: 'failed', error: e });
          return;
        }
        await sleep(SUBMIT_RETRY_DELAYS_MS[retry]);
      }
    }
  }, [attemptId, draft.answers, questions]);

  // Time is up: hand in what is there, without asking.
  useEffect(() => {
    if (left === 0 && send.kind === 'idle') void submit();
  }, [left, send.kind, submit]);

  const confirmSubmit = async () => {
    const missing = questions.length - answeredCount;
    const { confirm } = await Taro.showModal({
      confirmColor: '#c8161d',
      title: '确认交卷',
      content:
        missing > 0 ? `还有 ${missing} 题未作答，交卷后不能再修改。确定交卷吗？` : '交卷后不能再修改答案，确定交卷吗？',
      confirmText: '交卷',
      cancelText: '继续答题',
    });
    if (confirm) void submit();
    else if (missing > 0) go(questions.findIndex((x) => !(draft.answers[x.questionId]?.length ?? 0)));
  };

  const last = draft.current === questions.length - 1;
  return (
    <>
      <View className="quiz-bar">
        <View className="quiz-bar__progress">
          <Text className="quiz-bar__count">
            第 <Text className="quiz-bar__now">{draft.current + 1}</Text> / {questions.length} 题
          </Text>
          <Text className="quiz-bar__answered">已答 {answeredCount} 题</Text>
        </View>
        <View className={`quiz-clock${left <= HURRY_MS ? ' quiz-clock--hurry' : ''}`}>
          <Text className="quiz-clock__label">剩余</Text>
          <Text className="quiz-clock__time">{countdownText(left)}</Text>
        </View>
        <View className="quiz-bar__track">
          <View className="quiz-bar__fill" style={{ width: `${((draft.current + 1) / questions.length) * 100}%` }} />
        </View>
      </View>

      {attempt.resumed && (
        <Text className="quiz-answer__resumed">已恢复上次未交卷的答题，之前的答案都在，计时从第一次开始时算起。</Text>
      )}

      <View className="card quiz-question">
        <View className="quiz-question__head">
          <TypeTag type={q.type} />
          <Text className="quiz-hint">{typeHint(q.type)}</Text>
        </View>
        <Text className="quiz-stem">
          {draft.current + 1}. {q.stem}
        </Text>
        <OptionList question={q} chosen={chosen} onTap={tap} />
      </View>

      <View className="actions quiz-nav">
        <Button
          className="quiz-nav__prev"
          size="large"
          disabled={draft.current === 0}
          onClick={() => go(draft.current - 1)}
          style={{ flex: 1 }}
        >
          上一题
        </Button>
        {last ? (
          <Button
            className="quiz-nav__submit"
            type="primary"
            size="large"
            disabled={send.kind !== 'idle'}
            onClick={confirmSubmit}
            style={{ flex: 1 }}
          >
            交卷
          </Button>
        ) : (
          <Button
            className="quiz-nav__next"
            type="primary"
            size="large"
            onClick={() => go(draft.current + 1)}
            style={{ flex: 1 }}
          >
            下一题
          </Button>
        )}
      </View>

      {send.kind === 'sending' && (
        <View className="quiz-send">
          {send.retry > 0 ? `网络不稳定，正在第 ${send.retry + 1} 次交卷…` : '正在交卷…'}
        </View>
      )}
      {send.kind === 'failed' && (
        <View className="form-error quiz-send__error">
          <Text>交卷没有成功：{send.error.message}</Text>
          <Text className="quiz-send__kept">您的答案已保存在本机，请检查网络后重新提交。</Text>
          <Button className="quiz-send__retry" type="primary" size="large" block onClick={() => void submit()}>
            重新提交
          </Button>
        </View>
      )}

      <View className="card quiz-sheet">
        <View className="quiz-sheet__head">
          <Text className="card__title">答题卡</Text>
          <Text className="quiz-sheet__legend">
            <Text className="quiz-sheet__dot quiz-sheet__dot--done" /> 已答
            <Text className="quiz-sheet__dot" /> 未答
          </Text>
        </View>
        <View className="quiz-sheet__grid">
          {questions.map((x, i) => (
            <View
              key={x.questionId}
              className={`quiz-sheet__cell${(draft.answers[x.questionId]?.length ?? 0) > 0 ? ' quiz-sheet__cell--done' : ''}${i === draft.current ? ' quiz-sheet__cell--current' : ''}`}
              onClick={() => go(i)}
            >
              {i + 1}
            </View>
          ))}
        </View>
        <Button
          className="quiz-submit"
          type="primary"
          size="large"
          block
          disabled={send.kind !== 'idle'}
          onClick={confirmSubmit}
        >
          交卷（已答 {answeredCount}/{questions.length}）
        </Button>
      </View>
    </>
  );
}

const FINAL_CODES = new Set(['FAILED_PRECONDITION', 'RESOURCE_EXHAUSTED', 'PERMISSION_DENIED', 'NOT_FOUND']);

function CannotStart({ error }: { error: CallError }) {
  const title =
    error.code === 'RESOURCE_EXHAUSTED'
      ? '作答次数已用完'
      : error.code === 'FAILED_PRECONDITION'
        ? '现在不能答题'
        : error.code === 'PERMISSION_DENIED'
          ? '无法参加本次竞赛'
          : '竞赛不存在';
  return (
    <View className="card quiz-blocked">
      <Text className="quiz-blocked__title">{title}</Text>
      <Text className="quiz-blocked__text">{error.message}</Text>
      <Button
        size="large"
        block
        onClick={() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/quiz-list/index' }))}
      >
        返回竞赛列表
      </Button>
    </View>
  );
}

export default function QuizAnswerPage() {
  const quizId = decodeURIComponent(useRouter().params.quizId ?? '');
  const state = useRemote(
    useCallback(async (): Promise<Attempt> => {
      const started = await call('quiz', 'start', { quizId });
      return { ...started, offsetMs: clockOffset(started.serverNow, Date.now()) };
    }, [quizId]),
  );
  return (
    <PageShell className="quiz-answer">
      {state.error && !state.data && FINAL_CODES.has(state.error.code) ? (
        <CannotStart error={state.error} />
      ) : (
        <LoadState state={state} loadingText="正在准备试题…">
          {(attempt) => <Answering key={attempt.attemptId} attempt={attempt} />}
        </LoadState>
      )}
    </PageShell>
  );
}
