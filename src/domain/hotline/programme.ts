// 热线节目 (上线单位): a scheduled broadcast where departments go on air; the public sends questions beforehand.

export const HOTLINE_PROGRAMME_TOPIC_MAX = 60;
export const HOTLINE_PROGRAMME_DEPARTMENTS_MAX = 10;
export const HOTLINE_PROGRAMME_URL_MAX = 500;
/** Programmes listed per page; answered questions per page of a programme. */
export const HOTLINE_PROGRAMME_PAGE_SIZE = 20;

export type HotlineProgrammePhase = 'upcoming' | 'aired';

export const HOTLINE_PROGRAMME_PHASE_NAMES: Readonly<Record<HotlineProgrammePhase, string>> = {
  upcoming: '征集问题中',
  aired: '已播出',
};

/**
 * Questions are taken until the programme goes on air; after that it has aired.
 *
 * @example hotlineProgrammePhase(Date.parse('2020-07-01T10:00:00+08:00'), Date.parse('2020-07-01T09:59:00+08:00')) // 'upcoming'
 */
export function hotlineProgrammePhase(airMs: number, nowMs: number): HotlineProgrammePhase {
  return nowMs < airMs ? 'upcoming' : 'aired';
}

/**
 * A replay link the page may open: http(s) only.
 *
 * @example hotlineReplayUrlOk('https://example.cn/replay/1') // true
 * @example hotlineReplayUrlOk('javascript:alert(1)') // false
 */
export function hotlineReplayUrlOk(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
