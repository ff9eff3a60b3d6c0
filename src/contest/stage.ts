// Words for a competition's stage and windows, shared by the contest pages and the 工委's page.
import type { ContestStage, ContestSummary } from '@/domain/api/contest';
import { dayTimeText } from '@/utils/time';

export const CONTEST_STAGE_LABELS: Record<ContestStage, string> = {
  upcoming: '未开始',
  submitting: '征集中',
  judging: '评审中',
  published: '已公布',
};

/** One line under a competition's title: what is happening now and until when. */
export function contestWhen(c: ContestSummary): string {
  if (c.stage === 'published') return `结果已于 ${dayTimeText(c.publishedAt ?? '')} 公布`;
  if (c.stage === 'upcoming') return `${dayTimeText(c.submitStartAt)} 开始征集`;
  if (c.stage === 'submitting') return `征集至 ${dayTimeText(c.submitEndAt)}`;
  if (c.voteOpen && c.publicVote) return `评审中，群众投票至 ${dayTimeText(c.publicVote.endAt)}`;
  return '评审中，结果公布后可查看';
}
