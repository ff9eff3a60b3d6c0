// The competition leaderboard (quiz.leaderboard): 个人 / 支部 tabs, shared ranks marked 并列, pages of 50, the ranking
// rules (formula lines of the response) and the caller's own place pinned to the bottom of the screen.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Pager } from '@/components/pager';
import { LoadState } from '@/components/load-state';
import type { LeaderboardResult, MemberRankRow, OrgRankRow } from '@/domain/api/quiz';
import { useRemote, useResource } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { orgDirectory } from '@/services/session';
import { durationText, percentText, QUIZ_PAGE_SIZE, tiedRanks } from '@/utils/quiz';
import { shortDateTimeText } from '@/utils/time';
import '../quiz-ui/index.scss';
import './index.scss';

export type BoardBy = 'member' | 'org';

export interface QuizBoardProps {
  quizId: string;
  /** Pins the caller's own place to the bottom of the screen (the member page; admins see the board only). */
  pinMe?: boolean;
}

function RankBadge({ rank, tied }: { rank: number; tied: boolean }) {
  return (
    <View className="quiz-rank">
      <Text className={`quiz-rank__no${rank <= 3 ? ` quiz-rank__no--top${rank}` : ''}`}>{rank}</Text>
      {tied && <Text className="quiz-rank__tie">并列</Text>}
    </View>
  );
}

function MemberRows({ rows, orgName }: { rows: MemberRankRow[]; orgName: (id: string) => string }) {
  const tied = tiedRanks(rows);
  return (
    <>
      {rows.map((r) => (
        <View key={r.memberId} className="quiz-board__row">
          <RankBadge rank={r.rank} tied={tied.has(r.rank)} />
          <View className="quiz-board__main">
            <Text className="quiz-board__name">{r.name}</Text>
            <Text className="quiz-board__meta">{orgName(r.orgId)}</Text>
          </View>
          <View className="quiz-board__figure">
            <Text className="quiz-board__score">{r.score}分</Text>
            <Text className="quiz-board__meta">{durationText(r.durationMs)}</Text>
          </View>
        </View>
      ))}
    </>
  );
}

function OrgRows({ rows }: { rows: OrgRankRow[] }) {
  const tied = tiedRanks(rows);
  return (
    <>
      {rows.map((r) => (
        <View key={r.orgId} className="quiz-board__row">
          <RankBadge rank={r.rank} tied={tied.has(r.rank)} />
          <View className="quiz-board__main">
            <Text className="quiz-board__name">{r.name}</Text>
            <Text className="quiz-board__meta">
              参与 {r.participants}/{r.expected} 人 · 平均 {Math.round(r.averageScore * 10) / 10} 分
            </Text>
          </View>
          {/* Participation decides the order first, so it is the large figure. */}
          <View className="quiz-board__figure">
            <Text className="quiz-board__score">{percentText(r.participationRate)}</Text>
            <Text className="quiz-board__meta">参与率</Text>
          </View>
        </View>
      ))}
    </>
  );
}

function MeCard({ by, board }: { by: BoardBy; board: LeaderboardResult }) {
  const me = board.me;
  return (
    <View className="quiz-me">
      <Text className="quiz-me__label">{by === 'member' ? '我的排名' : '我的支部'}</Text>
      {me ? (
        <>
          <Text className="quiz-me__rank">第 {me.rank} 名</Text>
          <Text className="quiz-me__score">
            {by === 'member' ? '最好成绩' : '平均'} {Math.round(me.score * 10) / 10} 分
          </Text>
        </>
      ) : (
        <Text className="quiz-me__none">{by === 'member' ? '您还没有成绩，交卷后即可上榜' : '所在支部暂未上榜'}</Text>
      )}
    </View>
  );
}

export function QuizBoard({ quizId, pinMe = false }: QuizBoardProps) {
  const [by, setBy] = useState<BoardBy>('member');
  const [page, setPage] = useState(0);
  const directory = useResource(orgDirectory);
  // The board says which tab it is for: while the other tab loads, the old rows must not be drawn as the new kind.
  const state = useRemote(
    useCallback(async () => ({ ...(await call('quiz', 'leaderboard', { quizId, by, page })), by }), [quizId, by, page]),
  );
  const orgName = (id: string) => directory.data?.orgs.find((o) => o.orgId === id)?.name ?? '';
  const pick = (next: BoardBy) => {
    setBy(next);
    setPage(0);
  };

  return (
    <View className={`quiz-board${pinMe ? ' quiz-board--pinned' : ''}`}>
      <View className="quiz-tabs">
        {(['member', 'org'] as const).map((b) => (
          <View
            key={b}
            className={`quiz-tabs__item quiz-tabs__item--${b}${b === by ? ' quiz-tabs__item--on' : ''}`}
            onClick={() => pick(b)}
          >
            {b === 'member' ? '个人排名' : '支部排名'}
          </View>
        ))}
      </View>
      <LoadState state={state} loadingText="正在读取排行榜…">
        {(board) => {
          if (board.by !== by)
            return (
              <View className="card">
                <Text className="quiz-empty">正在读取排行榜…</Text>
              </View>
            );
          const pages = Math.max(1, Math.ceil(board.total / QUIZ_PAGE_SIZE));
          return (
            <>
              <View className="card quiz-board__list">
                {board.rows.length === 0 && <Text className="quiz-empty">还没有人交卷</Text>}
                {by === 'member' ? (
                  <MemberRows rows={board.rows as MemberRankRow[]} orgName={orgName} />
                ) : (
                  <OrgRows rows={board.rows as OrgRankRow[]} />
                )}
                <Pager page={page} pages={pages} onPage={setPage} />
              </View>
              {board.formula.length > 0 && (
                <View className="card quiz-formula">
                  <View className="card__title">排名规则</View>
                  {board.formula.map((line) => (
                    <Text key={line} className="quiz-formula__line">
                      {line}
                    </Text>
                  ))}
                  {board.computedAt && (
                    <Text className="card__hint quiz-formula__time">统计于 {shortDateTimeText(board.computedAt)}</Text>
                  )}
                </View>
              )}
              {pinMe && <MeCard by={by} board={board} />}
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
