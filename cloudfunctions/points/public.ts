// What other functions may use of the points feature: the ledger's one write path (check-ins, competitions, practice,
// the live competition and reading credit points through it).
export type { PointsAward } from './store';
export { awardPoints } from './store';
