// Building blocks for the input schemas of every cloud function: strict objects, bounded strings.
import { z } from 'zod';

/** A trimmed, non-empty string of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An id made by this project (document `_id`s): short, printable, no spaces. */
export const id = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/);

/**
 * An id an admin may choose for an organisation or department: letters, digits, "_" and "-" only, because it is
 * also a key in the directory document (no "." or "$", which the database reads as a path).
 */
export const slug = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Mainland mobile number, 11 digits starting with 1. */
export const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/);

/** Strict object: unknown fields are rejected with INVALID_ARGUMENT. */
export const input = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

/**
 * How people call each input field, for the Chinese messages of INVALID_ARGUMENT (server/validation.ts). A field
 * whose meaning depends on the action declares its own label next to it with `.describe('不予受理的理由')`, which
 * wins over this table. A test walks every contract and fails on a field without a label.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  absences: '缺席情况',
  accepted: '是否同意',
  activityId: '活动',
  analysis: '解析',
  answer: '答案',
  answers: '答案',
  attemptId: '答卷',
  by: '排行方式',
  campaignId: '测评',
  category: '诉求类别',
  choice: '所选答案',
  command: '主持操作',
  comment: '评价意见',
  contactName: '联系人姓名',
  contactPhone: '联系电话',
  content: '内容',
  correct: '是否答对',
  departmentId: '部门',
  departmentIds: '参评部门',
  description: '说明',
  endAt: '结束时间',
  fileID: '上传的文件',
  from: '练习来源',
  grade: '评议等次',
  grades: '评价',
  index: '题号',
  indicators: '测评指标',
  inspection: '明察暗访权重',
  isPublic: '是否公开',
  judge: '判断题数量',
  key: '指标代码',
  kind: '活动类型',
  latitude: '纬度',
  launchScene: '打开方式',
  location: '位置',
  longitude: '经度',
  maxAttempts: '每人可答次数',
  memberId: '党员',
  memberIds: '参评党员',
  minVotes: '最低样本量',
  multiple: '多选题数量',
  name: '名称',
  note: '备注',
  openid: '微信用户',
  opensBeforeMinutes: '提前开始签到的分钟数',
  options: '选项',
  orgId: '组织',
  orgIds: '参加组织',
  page: '页码',
  parentId: '上级组织',
  perType: '各题型数量',
  phone: '手机号',
  photos: '照片',
  place: '地点',
  points: '分值',
  published: '是否公布',
  query: '搜索词',
  questionCount: '题目数量',
  questionId: '题目',
  questions: '题目',
  quizId: '竞赛',
  radiusM: '签到范围',
  readSeconds: '读题时间',
  reason: '理由',
  refresh: '是否重新统计',
  requestId: '请求编号',
  results: '评议结果',
  retired: '是否停用',
  reverseEntryId: '要冲正的积分记录',
  reviewId: '民主评议',
  reviews: '评议结果',
  role: '角色',
  rounds: '轮次',
  rows: '名单',
  scene: '签到码',
  scope: '范围',
  scopeId: '授权范围',
  score: '评分',
  scores: '各项评分',
  scoring: '计分方式',
  secondsPerQuestion: '每题限时',
  servedOnly: '评价人范围',
  sessionId: '现场赛',
  single: '单选题数量',
  source: '来源',
  sourceWeights: '来源权重',
  stake: '风险分值',
  startAt: '开始时间',
  status: '状态',
  stem: '题干',
  streakBonus: '连对加分',
  subscribe: '订阅通知',
  summary: '摘要',
  survey: '第三方调查权重',
  tag: '标签',
  tags: '标签',
  teams: '是否分队',
  ticketId: '诉求',
  timeLimitSec: '答题限时',
  title: '标题',
  type: '题型',
  types: '题型',
  wechat: '微信测评权重',
  weight: '权重',
  year: '年度',
};
