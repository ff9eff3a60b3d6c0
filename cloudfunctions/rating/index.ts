// The `rating` cloud function (微信测评): campaigns, the public's ratings, entered scores, results and export.
import { ratingSchemas } from '@/domain/api/rating';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { createCampaign, get, list } from './campaigns';
import { comments } from './comments';
import { exportResults } from './export';
import { rate } from './rate';
import { enterScores, publish, results } from './results';

const actions = {
  createCampaign: action({ input: ratingSchemas.createCampaign, auth: ['admin'], handler: createCampaign }),
  list: action({ input: ratingSchemas.list, auth: 'public', handler: list }),
  get: action({ input: ratingSchemas.get, auth: 'public', handler: get }),
  rate: action({ input: ratingSchemas.rate, auth: 'signed-in', handler: rate }),
  results: action({ input: ratingSchemas.results, auth: 'public', handler: results }),
  enterScores: action({ input: ratingSchemas.enterScores, auth: ['admin'], handler: enterScores }),
  publish: action({ input: ratingSchemas.publish, auth: ['admin'], handler: publish }),
  export: action({ input: ratingSchemas.export, auth: ['admin'], handler: exportResults }),
  comments: action({ input: ratingSchemas.comments, auth: ['admin'], handler: comments }),
} satisfies ContractTable<'rating'>;

export const main = defineFunction(actions);
