// Words of the 组织生活 pages: the phases of a 民主评议 ballot.
import type { ReviewPhase } from '@/domain/orglife';

export const REVIEW_PHASE_LABELS: Record<ReviewPhase, string> = {
  upcoming: '未开始',
  open: '投票中',
  closed: '已结束',
};

/**
 * A page's query value as sent: WeChat and Taro's H5 router leave `%3A` encoded, and a 民主评议 id has a colon.
 *
 * @example queryParam('fgw-1%3A2026') // 'fgw-1:2026'
 */
export function queryParam(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}
