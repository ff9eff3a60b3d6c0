// Words of the 组织生活 pages: the phases of a 民主评议 ballot.
import type { ReviewPhase } from '@/domain/orglife/ballot';

export const REVIEW_PHASE_LABELS: Record<ReviewPhase, string> = {
  upcoming: '未开始',
  open: '投票中',
  closed: '已结束',
};
