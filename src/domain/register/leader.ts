// 领学带学督学: leaders (领导干部) visit their grassroots contact points (联系点) to lead, teach or inspect study, at
// least once a year. Pure: which leaders have no visit in a year, and which photos a visit may carry.

export const VISIT_KINDS = ['领学', '带学', '督学'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** A leader has at most this many contact points; a visit carries at most this many photos. */
export const LEADER_CONTACTS_MAX = 5;
export const VISIT_MAX_PHOTOS = 6;

/** Where visit photos go in cloud storage (the only folder the server accepts them from). */
export const VISIT_PHOTO_FOLDER = 'register/visits/';
const PHOTO_FILE_ID = /^cloud:\/\/[A-Za-z0-9_.-]+\/register\/visits\/[A-Za-z0-9_\-/]{1,160}\.(jpe?g|png|webp)$/i;

/**
 * The storage path of a visit photo.
 *
 * @example visitPhotoPath('20260701', 'k3x9', 'JPEG') // 'register/visits/20260701/k3x9.jpg'
 */
export function visitPhotoPath(day: string, unique: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  const e = ext.toLowerCase();
  return `${VISIT_PHOTO_FOLDER}${safe(day)}/${safe(unique)}.${e === 'jpeg' ? 'jpg' : e}`;
}

/**
 * What is wrong with a visit's photos, or null.
 *
 * @example visitPhotosProblem(['cloud://env.b/register/visits/20260701/a.jpg']) // null
 * @example visitPhotosProblem(['cloud://env.b/hotline/o1/a.jpg']) // '第 1 张照片不是上传到领学记录目录的图片'
 */
export function visitPhotosProblem(fileIDs: readonly string[]): string | null {
  if (fileIDs.length > VISIT_MAX_PHOTOS) return `最多上传 ${VISIT_MAX_PHOTOS} 张照片`;
  if (new Set(fileIDs).size !== fileIDs.length) return '照片重复';
  const bad = fileIDs.findIndex((f) => !PHOTO_FILE_ID.test(f) || f.includes('..'));
  return bad >= 0 ? `第 ${bad + 1} 张照片不是上传到领学记录目录的图片` : null;
}

/** What the register keeps of a leader's visits: the last visit day and the number of visits per year. */
export interface LeaderVisits {
  lastVisitOn: string | null;
  /** Visits per calendar year, e.g. { '2026': 2 }. */
  years: Readonly<Record<string, number>>;
}

/**
 * How many visits a leader made in a year.
 *
 * @example visitsIn({ lastVisitOn: '2026-03-01', years: { '2026': 2 } }, 2026) // 2
 */
export function visitsIn(v: LeaderVisits, year: number): number {
  const n = Number(v.years[String(year)]);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

/**
 * The visit counts after one more visit on `day` (a visit recorded late does not move the last visit back).
 *
 * @example withVisit({ lastVisitOn: '2026-05-01', years: { '2026': 1 } }, '2026-03-01') // { lastVisitOn: '2026-05-01', years: { '2026': 2 } }
 */
export function withVisit(v: LeaderVisits, day: string): LeaderVisits {
  const year = day.slice(0, 4);
  return {
    lastVisitOn: v.lastVisitOn !== null && v.lastVisitOn > day ? v.lastVisitOn : day,
    years: { ...v.years, [year]: visitsIn(v, Number(year)) + 1 },
  };
}

/**
 * Orders leaders for the register: those without a visit in `year` first, then by fewest visits, then by name.
 *
 * @example [{ name: '乙', visits: 1 }, { name: '甲', visits: 0 }].sort(compareLeaders) // 甲 first
 */
export function compareLeaders(a: { name: string; visits: number }, b: { name: string; visits: number }): number {
  return Number(a.visits > 0) - Number(b.visits > 0) || a.visits - b.visits || a.name.localeCompare(b.name, 'zh-CN');
}
