// What other functions may read of 组织生活: which meetings have a 纪实 (the 三会一课 board counts them as held) and
// the 民主评议 results (评星定级 uses them).
export type { MinutesState } from './store';
export { readMinutesStates, readReviewResults, readYearMinutes } from './store';
