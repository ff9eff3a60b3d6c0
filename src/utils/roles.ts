// What the caller's role grants mean in the UI: labels like 支部书记（机关一支部） and which admin pages open.
import type { DepartmentRow, OrgRow } from '@/domain/api';
import { identityIsAdmin, orgSubtree } from '@/domain/identity';
import type { GrantedRole, RoleGrant } from '@/domain/roles';
import { toOrgNodes } from './org-tree';

export const ROLE_LABELS: Record<GrantedRole, string> = {
  admin: '管理员',
  secretary: '支部书记',
  handler: '部门经办人',
};

export type AdminPage =
  | 'orgs'
  | 'departments'
  | 'members'
  | 'roles'
  | 'rating'
  | 'activities'
  | 'dashboard'
  | 'stars'
  | 'overview'
  | 'quiz'
  | 'live'
  | 'meetings'
  | 'reviews'
  | 'notices'
  | 'articles'
  | 'register'
  | 'volunteer'
  | 'leaders'
  | 'training'
  | 'contests';

export interface AdminEntry {
  page: AdminPage;
  title: string;
  description: string;
  url: string;
}

const ENTRIES: Record<AdminPage, AdminEntry> = {
  orgs: { page: 'orgs', title: '组织管理', description: '党组织架构，新增与重命名', url: '/admin/orgs/index' },
  departments: { page: 'departments', title: '部门管理', description: '市直部门名录', url: '/admin/departments/index' },
  members: {
    page: 'members',
    title: '党员名册',
    description: '查看名册，粘贴或上传 Excel 导入',
    url: '/admin/members/index',
  },
  roles: { page: 'roles', title: '角色授权', description: '管理员、支部书记、部门经办人', url: '/admin/roles/index' },
  rating: {
    page: 'rating',
    title: '微信测评',
    description: '测评活动、录入得分、公布结果',
    url: '/admin/rating/index',
  },
  activities: {
    page: 'activities',
    title: '活动签到',
    description: '主题党日、三会一课：签到码、出勤、补签、导出',
    url: '/admin/activities/index',
  },
  dashboard: {
    page: 'dashboard',
    title: '支部看板',
    description: '“三会一课”落实、出勤率、答题参与、积分分布',
    url: '/admin/branch-dashboard/index',
  },
  stars: {
    page: 'stars',
    title: '评星定级',
    description: '党员积分与星级，录入民主评议，导出',
    url: '/admin/stars/index',
  },
  overview: {
    page: 'overview',
    title: '达标创优',
    description: '各支部落实情况总览，可排序、导出',
    url: '/admin/overview/index',
  },
  quiz: { page: 'quiz', title: '知识竞赛', description: '题库导入与维护、竞赛、排行榜', url: '/admin/quiz/index' },
  live: {
    page: 'live',
    title: '现场赛',
    description: '七一现场知识竞赛：大屏幕出题、手机作答',
    url: '/admin/live/index',
  },
  meetings: {
    page: 'meetings',
    title: '会议纪实',
    description: '“三会一课”纪实：填写、全年台账、导出',
    url: '/admin/meetings/index',
  },
  reviews: {
    page: 'reviews',
    title: '民主评议',
    description: '民主评议党员：发起投票、参评情况、计票与评议结果',
    url: '/admin/reviews/index',
  },
  notices: {
    page: 'notices',
    title: '通知公告',
    description: '发布通知，查看已读未读，提醒未读',
    url: '/admin/notices/index',
  },
  articles: {
    page: 'articles',
    title: '学习资料',
    description: '文章的新增、编辑和下架',
    url: '/admin/articles/index',
  },
  register: {
    page: 'register',
    title: '换届选举台账',
    description: '各组织任期、换届提醒与选举记录，导出',
    url: '/admin/register-terms/index',
  },
  volunteer: {
    page: 'volunteer',
    title: '志愿服务台账',
    description: '进社区、进农村、共建活动：报名、签到、服务时长，导出',
    url: '/admin/volunteer/index',
  },
  leaders: {
    page: 'leaders',
    title: '领学带学督学',
    description: '领导干部到基层联系点领学、带学、督学的记录，未开展的名单，导出',
    url: '/admin/register-leaders/index',
  },
  training: {
    page: 'training',
    title: '培训台账',
    description: '大培训与书记、组织委员培训班：报名、签到、本季度未培训党员，导出',
    url: '/admin/trainings/index',
  },
  contests: {
    page: 'contests',
    title: '创新创优竞赛',
    description: '创新创优竞赛、效能典型案例评比：评委评分、群众投票、公布结果',
    url: '/admin/contests/index',
  },
};

/** The pages a secretary opens besides admins (the server checks each action's scope again). */
export const SECRETARY_PAGES: readonly AdminPage[] = [
  'members',
  'activities',
  'dashboard',
  'stars',
  'live',
  'meetings',
  'reviews',
  'notices',
  'register',
  'volunteer',
  'leaders',
  'training',
];

export { identityIsAdmin as isAdmin };

/**
 * The orgs whose roster the caller may see and import into: every org for an admin; for a secretary the own org and
 * everything below it (a secretary of a 机关党委 also manages its branches), as the server decides.
 */
export function rosterOrgIds(roles: readonly RoleGrant[], orgs: readonly OrgRow[]): string[] {
  if (identityIsAdmin(roles)) return orgs.map((o) => o.orgId);
  const own = roles.filter((r) => r.role === 'secretary' && r.scopeId).map((r) => r.scopeId as string);
  const scope = orgSubtree(toOrgNodes(orgs), own);
  return orgs.filter((o) => scope.has(o.orgId)).map((o) => o.orgId);
}

/** Every page behind AdminGate: the menu's pages and those reached from the 民声热线 pages. */
export type GatedPage =
  AdminPage | 'hotline-triage' | 'hotline-queue' | 'hotline-knowledge' | 'hotline-programmes' | 'hotline-stats';

/** Whether the caller may open an admin page; the server checks every action again. */
export function canOpen(page: GatedPage, roles: readonly RoleGrant[]): boolean {
  if (identityIsAdmin(roles)) return true;
  if (page === 'hotline-queue') return roles.some((r) => r.role === 'handler' && r.scopeId);
  return (
    (SECRETARY_PAGES as readonly GatedPage[]).includes(page) && roles.some((r) => r.role === 'secretary' && r.scopeId)
  );
}

/** The admin entries the caller's roles open, in menu order. */
export function adminEntries(roles: readonly RoleGrant[]): AdminEntry[] {
  return (Object.keys(ENTRIES) as AdminPage[]).filter((p) => canOpen(p, roles)).map((p) => ENTRIES[p]);
}

/**
 * The title on a bound member's card: 支部书记 for a secretary, else 党员 (admin and handler grants are listed
 * with the roles below it, not as a title).
 *
 * @example memberTitle([{ role: 'secretary', scopeId: 'b1' }]) // '支部书记'
 */
export function memberTitle(roles: readonly RoleGrant[]): string {
  return roles.some((g) => g.role === 'secretary') ? ROLE_LABELS.secretary : '党员';
}

/**
 * A grant for people: 管理员, 支部书记（机关第一党支部）, 部门经办人（市发展和改革委员会）.
 * A scope that no longer exists shows its id so that the grant can still be found and revoked.
 */
export function describeGrant(
  grant: RoleGrant,
  orgs: readonly OrgRow[],
  departments: readonly DepartmentRow[],
): string {
  const label = ROLE_LABELS[grant.role];
  if (grant.role === 'admin' || !grant.scopeId) return label;
  const scope =
    grant.role === 'secretary'
      ? orgs.find((o) => o.orgId === grant.scopeId)?.name
      : departments.find((d) => d.departmentId === grant.scopeId)?.name;
  return `${label}（${scope ?? grant.scopeId}）`;
}
