// The whole contract as one type map: the client imports it with `import type` only.
import type { CheckinApi } from './checkin';
import type { ContestApi } from './contest';
import type { HotlineApi } from './hotline';
import type { LiveApi } from './live';
import type { NoticeApi } from './notice';
import type { OrgApi } from './org';
import type { OrglifeApi } from './orglife';
import type { PointsApi } from './points';
import type { QuizApi } from './quiz';
import type { RankingApi } from './ranking';
import type { RatingApi } from './rating';
import type { RegisterApi } from './register';
import type { UserApi } from './user';

export interface Api {
  user: UserApi;
  org: OrgApi;
  checkin: CheckinApi;
  rating: RatingApi;
  ranking: RankingApi;
  hotline: HotlineApi;
  quiz: QuizApi;
  points: PointsApi;
  live: LiveApi;
  orglife: OrglifeApi;
  notice: NoticeApi;
  register: RegisterApi;
  contest: ContestApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I }
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O }
  ? O
  : never;

export type { UserApi, MemberSummary } from './user';
export type { OrgApi, OrgRow, DepartmentRow, RowError, MemberRow, GrantRow, InviteRow } from './org';
export type { RankingApi } from './ranking';
export type {
  RatingApi,
  CampaignSummary,
  CampaignDetail,
  CampaignIndicator,
  EnteredScore,
  RatingResults,
  ResultFlags,
} from './rating';
export type {
  CheckinApi,
  ActivitySummary,
  ActivityDetail,
  ActivityLocation,
  Absentee,
  FlaggedCheckIn,
  ManualCheckIn,
} from './checkin';
export type {
  HotlineApi,
  TicketSummary,
  TicketDetail,
  TicketReply,
  TicketRating,
  TimelineEntry,
  PublicTicket,
  DepartmentStatsRow,
  ReportedTicket,
} from './hotline';
export type {
  HotlinePublicApi,
  KnowledgeAnswer,
  KnowledgeItem,
  SimilarTicket,
  ParentProgress,
  ProgrammeSummary,
  ProgrammeQuestion,
} from './hotline-public';
export type {
  PointsApi,
  PointsMine,
  LedgerEntry,
  StarsView,
  StarsRow,
  StarsRule,
  BranchDashboard,
  CadenceRow,
  CadencePeriodCell,
  ActivityAttendance,
  PointsBucket,
  QuizParticipation,
  PointsOverview,
  OverviewRow,
  PointsToday,
  TodayItem,
  TodayKind,
  ReviewGrade,
  PointsSource,
} from './points';
export type {
  LiveApi,
  LiveState,
  LiveBoard,
  LiveScoreboard,
  LivePlayerRow,
  LiveTeamRow,
  LiveQuestionView,
  LiveBuzzWinner,
  LiveSessionSummary,
  LiveMine,
  LiveHostQuestion,
  LiveFlag,
  LivePhase,
  RoundKind,
  Scoring,
  Stake,
  HostCommand,
} from './live';
export type {
  OrglifeApi,
  MeetingView,
  MeetingRecord,
  MeetingPhoto,
  MeetingAttendanceRow,
  MeetingRow,
  MeetingList,
  MinutesState,
  ReviewSummary,
  BallotForm,
  BallotCandidate,
  ReviewTally,
  TallyRow,
} from './orglife';
export type {
  NoticeApi,
  NoticeSummary,
  NoticeDetail,
  NoticeAttachment,
  SentNotice,
  ReceiptRow,
  ArticleSummary,
  ArticleDetail,
  ArticleBlock,
  ArticleCategory,
  FinishStatus,
} from './notice';
export type { RegisterApi, TermRow, TermDetail, TermCounts, ElectionRow } from './register';
