// Points per source and daily caps per category: the one place a deployer changes how points are earned.
import type { ActivityKind } from '../checkin';
import { ATTENDANCE_POINTS } from '../checkin';
import type { PointsSource } from '../api/points';

export interface PointsConfig {
  /** One attendance, by activity kind (the check-in function credits this). */
  checkin: Record<ActivityKind, number>;
  /** One submitted 知识竞赛 attempt; one entry per member and competition, however many attempts. */
  quizParticipation: number;
  /** A full score in a competition adds this on top (same entry). */
  quizFullScoreBonus: number;
  /** Taking part in a 现场赛 (answering at least one question); one entry per member and session. */
  liveParticipation: number;
  /** Added to that entry for the 1st, 2nd and 3rd place of the session. */
  livePodiumBonus: number[];
  /** One correct answer in 每日一练 or the 错题本. */
  practiceCorrect: number;
  /** Reading one 学习资料 article long enough (once per article; the notice function measures the time). */
  studyArticle: number;
  /** Each whole hour of 志愿服务 recorded by the organiser (one entry per member and activity). */
  volunteerPerHour: number;
  /**
   * Most points a member can earn per Asia/Shanghai day from each category; null = no cap. Check-ins are limited
   * by the activities themselves; practice is capped so that repeating it cannot farm points.
   */
  dailyCaps: Record<PointsSource, number | null>;
  /** Points for the year needed for 2, 3, 4 and 5 stars (see stars.ts for how 民主评议 moves the result). */
  starThresholds: [number, number, number, number];
}

/**
 * The deployed configuration.
 *
 * @example POINTS_CONFIG.dailyCaps.practice // 3: at most three practice points a day
 */
export const POINTS_CONFIG: PointsConfig = {
  checkin: ATTENDANCE_POINTS,
  quizParticipation: 3,
  quizFullScoreBonus: 2,
  practiceCorrect: 1,
  studyArticle: 1,
  volunteerPerHour: 1,
  liveParticipation: 3,
  livePodiumBonus: [3, 2, 1],
  // A 现场赛 is capped like the competitions: taking part is most of the reward (学习强国 does the same).
  // 志愿服务 earns a point an hour, at most four a day (a long day of service is not worth more than a 主题党日 twice).
  // Reading is capped like 学习强国's 阅读文章 (one point an article, six a day).
  dailyCaps: { checkin: null, quiz: 10, practice: 3, adjust: null, live: 10, study: 6, volunteer: 4 },
  // A member who attends every 三会一课 (about 75 points a year) and practises now and then reaches four stars;
  // five need steady practice or competitions on top.
  starThresholds: [20, 45, 75, 110],
};
