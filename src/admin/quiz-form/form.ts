// Checks and conversion of the 新建竞赛 form: typed text in, quiz.createQuiz input or the first problem out.
import type { QuestionType } from '@/domain/api/quiz';

export interface QuizFormValues {
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  byType: boolean;
  questionCount: string;
  perType: Record<QuestionType, string>;
  minutes: string;
  attempts: string;
  orgIds: string[];
  tags: string[];
}

export interface QuizInput {
  title: string;
  description?: string;
  startAt: string;
  endAt: string;
  questionCount: number;
  perType?: Partial<Record<QuestionType, number>>;
  timeLimitSec: number;
  maxAttempts: number;
  orgIds?: string[];
  tags?: string[];
}

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/**
 * The createQuiz input of the form, or the first problem in words (times are Beijing time, +08:00).
 *
 * @example toQuizInput({ ...values, startDate: '2020-07-01', startTime: '09:00', … }).input?.startAt // '2020-07-01T09:00:00+08:00'
 */
export function toQuizInput(v: QuizFormValues): { input?: QuizInput; error?: string } {
  const title = v.title.trim();
  if (!title) return { error: '请填写竞赛名称' };
  const dates = [v.startDate, v.endDate].map((d) => d.trim());
  const times = [v.startTime, v.endTime].map((t) => t.trim());
  if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) return { error: '日期格式应为 2020-07-01' };
  if (times.some((t) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(t))) return { error: '时间格式应为 09:00（24 小时制）' };
  const startAt = `${dates[0]}T${times[0]}:00+08:00`;
  const endAt = `${dates[1]}T${times[1]}:00+08:00`;
  if (Number.isNaN(Date.parse(startAt)) || Number.isNaN(Date.parse(endAt))) return { error: '请填写有效的日期' };
  if (Date.parse(endAt) <= Date.parse(startAt)) return { error: '结束时间应晚于开始时间' };

  let questionCount: number;
  let perType: QuizInput['perType'];
  if (v.byType) {
    const counts = Object.entries(v.perType).map(([t, c]) => [t, c.trim() === '' ? 0 : whole(c)] as const);
    if (counts.some(([, c]) => Number.isNaN(c))) return { error: '各题型数量应为整数' };
    perType = Object.fromEntries(counts.filter(([, c]) => c > 0));
    questionCount = counts.reduce((sum, [, c]) => sum + c, 0);
  } else {
    questionCount = whole(v.questionCount);
  }
  if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > 100)
    return { error: '题目总数应为 1–100' };

  const minutes = whole(v.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180) return { error: '答题限时应为 1–180 分钟' };
  const maxAttempts = whole(v.attempts);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) return { error: '每人可答次数应为 1–10' };

  const description = v.description.trim();
  return {
    input: {
      title,
      ...(description ? { description } : {}),
      startAt,
      endAt,
      questionCount,
      ...(perType ? { perType } : {}),
      timeLimitSec: minutes * 60,
      maxAttempts,
      ...(v.orgIds.length ? { orgIds: v.orgIds } : {}),
      ...(v.tags.length ? { tags: v.tags } : {}),
    },
  };
}
