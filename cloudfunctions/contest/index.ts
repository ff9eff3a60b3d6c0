// The `contest` cloud function: 机关工作创新创优竞赛 and 效能典型案例评比. The 工委 sets a competition up, units'
// secretaries submit entries, judges score them (their own unit's excluded), the public votes once a day, and the
// 工委 publishes the ranked list that everyone then reads from one document.
import { contestSchemas } from '@/domain/api/contest';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { due } from './due';
import { submit } from './entries';
import { judging, score } from './judging';
import { close, create, get, list, progress, setCriteria } from './manage';
import { exportResults, publish, results } from './results';
import { vote } from './votes';

const actions = {
  create: action({ input: contestSchemas.create, auth: ['admin'], handler: create }),
  close: action({ input: contestSchemas.close, auth: ['admin'], handler: close }),
  setCriteria: action({ input: contestSchemas.setCriteria, auth: ['admin'], handler: setCriteria }),
  list: action({ input: contestSchemas.list, auth: 'public', handler: list }),
  get: action({ input: contestSchemas.get, auth: 'public', handler: get }),
  submit: action({ input: contestSchemas.submit, auth: ['secretary'], handler: submit }),
  // Judges are roster members named by the competition, not a granted role: the handler checks the name list.
  judging: action({ input: contestSchemas.judging, auth: 'signed-in', handler: judging }),
  score: action({ input: contestSchemas.score, auth: 'signed-in', handler: score }),
  vote: action({ input: contestSchemas.vote, auth: 'signed-in', handler: vote }),
  progress: action({ input: contestSchemas.progress, auth: ['admin'], handler: progress }),
  results: action({ input: contestSchemas.results, auth: 'public', handler: results }),
  publish: action({ input: contestSchemas.publish, auth: ['admin'], handler: publish }),
  export: action({ input: contestSchemas.export, auth: ['admin'], handler: exportResults }),
  due: action({ input: contestSchemas.due, auth: ['admin'], handler: due }),
} satisfies ContractTable<'contest'>;

export const main = defineFunction(actions);
