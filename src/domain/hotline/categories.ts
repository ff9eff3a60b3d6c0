// Appeal categories and their deadlines in working days (configurable per deployment).

export const HOTLINE_CATEGORIES = ['咨询', '求助', '投诉', '建议', '表扬'] as const;
export type HotlineCategory = (typeof HOTLINE_CATEGORIES)[number];

export type HotlineDeadlines = Readonly<Record<HotlineCategory, number>>;

/** Working days to reply: 咨询/求助 need a quick answer, 投诉/建议/表扬 may need a department to look into it. */
export const HOTLINE_DEFAULT_DEADLINES: HotlineDeadlines = { 咨询: 3, 求助: 3, 投诉: 10, 建议: 10, 表扬: 10 };

/**
 * Reads deadlines configured as `咨询:3,投诉:10` (e.g. an environment variable) over the defaults; null when the
 * text is malformed (an unknown category, or a count outside 1..60).
 *
 * @example hotlineParseDeadlines('咨询:2,投诉:15')?.['咨询'] // 2
 * @example hotlineParseDeadlines('催办:2') // null
 */
export function hotlineParseDeadlines(text: string | undefined): HotlineDeadlines | null {
  const out: Record<HotlineCategory, number> = { ...HOTLINE_DEFAULT_DEADLINES };
  if (!text || !text.trim()) return out;
  for (const part of text.split(/[,，]/)) {
    const m = /^\s*(\S+?)\s*[:：]\s*(\d+)\s*$/.exec(part);
    if (!m || !(HOTLINE_CATEGORIES as readonly string[]).includes(m[1])) return null;
    const n = Number(m[2]);
    if (n < 1 || n > 60) return null;
    out[m[1] as HotlineCategory] = n;
  }
  return out;
}
