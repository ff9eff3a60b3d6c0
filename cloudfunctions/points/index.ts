// The `points` cloud function: the points ledger, 评星定级, the branch dashboard, the 达标创优 overview, 首页 today.
import { pointsSchemas } from '@/domain/api/points';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { exportOverview, exportStars } from './export';
import { adjust, mine } from './ledger';
import { today } from './today';
import { dashboard, evaluate, overview, stars } from './views';

const actions = {
  mine: action({ input: pointsSchemas.mine, auth: 'signed-in', handler: mine }),
  adjust: action({ input: pointsSchemas.adjust, auth: ['admin'], handler: adjust }),
  stars: action({ input: pointsSchemas.stars, auth: ['admin', 'secretary'], handler: stars }),
  evaluate: action({ input: pointsSchemas.evaluate, auth: ['admin', 'secretary'], handler: evaluate }),
  exportStars: action({ input: pointsSchemas.exportStars, auth: ['admin', 'secretary'], handler: exportStars }),
  dashboard: action({ input: pointsSchemas.dashboard, auth: ['admin', 'secretary'], handler: dashboard }),
  overview: action({ input: pointsSchemas.overview, auth: ['admin'], handler: overview }),
  exportOverview: action({ input: pointsSchemas.exportOverview, auth: ['admin'], handler: exportOverview }),
  today: action({ input: pointsSchemas.today, auth: 'signed-in', handler: today }),
} satisfies ContractTable<'points'>;

export const main = defineFunction(actions);
