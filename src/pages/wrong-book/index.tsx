// 错题本: questions answered wrong in practice or competitions (quiz.wrongBook), each practised again until answered
// right: a right answer takes it out of the book, a wrong one shows the answer and 解析 and offers 再练一次.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Pager } from '@/components/pager';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { TypeTag } from '@/components/quiz-ui';
import type { WrongBookEntry } from '@/domain/api/quiz';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { QUIZ_PAGE_SIZE } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import type { Answered } from '../practice/question';
import { PracticeQuestion } from '../practice/question';
import '../../components/quiz-ui/index.scss';
import '../practice/index.scss';

/** A question an open competition may draw: shown without practice until it closes (its answer would leak). */
function LockedEntry({ entry }: { entry: WrongBookEntry }) {
  return (
    <View className="card practice-q wrong-entry">
      <View className="practice-q__head">
        <Text className="practice-q__label">{`答错 ${entry.wrongTimes} 次 · ${shortDateTimeText(entry.lastWrongAt)}`}</Text>
        <TypeTag type={entry.type} />
      </View>
      <Text className="quiz-stem">{entry.stem}</Text>
      <Text className="wrong-entry__locked">这道题正被进行中的知识竞赛使用，竞赛结束后才能在这里练习。</Text>
    </View>
  );
}

function Entry({ entry, onCleared }: { entry: WrongBookEntry; onCleared: () => void }) {
  const [answered, setAnswered] = useState<Answered | undefined>();
  const [round, setRound] = useState(0);
  if (entry.locked) return <LockedEntry entry={entry} />;
  return (
    <View className="wrong-entry">
      <PracticeQuestion
        key={round}
        question={entry}
        label={`答错 ${entry.wrongTimes} 次 · ${shortDateTimeText(entry.lastWrongAt)}`}
        from="wrong"
        answered={answered}
        onAnswered={(a) => {
          setAnswered(a);
          if (a.correct) onCleared();
        }}
      />
      {answered && !answered.correct && (
        <Button
          className="wrong-entry__again"
          size="large"
          block
          onClick={() => {
            setAnswered(undefined);
            setRound(round + 1);
          }}
        >
          再练一次
        </Button>
      )}
      {answered?.correct && <Text className="practice-cleared">答对了，已移出错题本。</Text>}
    </View>
  );
}

export default function WrongBookPage() {
  const [page, setPage] = useState(0);
  const [cleared, setCleared] = useState(0);
  const state = useRemote(useCallback(() => call('quiz', 'wrongBook', { page }), [page]));
  const turn = (next: number) => {
    setCleared(0);
    setPage(next);
  };
  return (
    <PageShell className="wrong-book">
      <LoadState state={state} loadingText="正在读取错题…">
        {({ entries, total }) => {
          const pages = Math.max(1, Math.ceil(total / QUIZ_PAGE_SIZE));
          const left = Math.max(0, total - cleared);
          return (
            <>
              <View className="quiz-hero">
                <Text className="quiz-hero__title">错题本</Text>
                <Text className="quiz-hero__sub">
                  {left > 0 ? `共 ${left} 道错题，答对一次即移出错题本` : '错题已全部巩固，继续保持！'}
                </Text>
              </View>
              {entries.length === 0 && (
                <View className="card">
                  <Text className="quiz-empty">
                    没有错题。每日一练中答错的题，和知识竞赛公布答案后答错的题，会收在这里。
                  </Text>
                </View>
              )}
              {entries.map((e) => (
                <Entry key={e.questionId} entry={e} onCleared={() => setCleared((n) => n + 1)} />
              ))}
              <Pager page={page} pages={pages} onPage={turn} />
            </>
          );
        }}
      </LoadState>
    </PageShell>
  );
}
