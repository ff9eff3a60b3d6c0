// The `live` cloud function (现场赛): sessions drawn from the bank, host commands, answers and buzzes timed by the
// server, the scoreboard, the results workbook; the public state and board are watched documents it alone writes.
import { liveSchemas } from '@/domain/api/live';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { scoreboard } from './board';
import { joinCode } from './join-code';
import { answer, buzz, join, mine } from './play';
import { host, state, tick } from './run';
import { createSession, hostView, list } from './sessions';
import { exportResults } from './sheet';

const HOSTS = ['admin', 'secretary'] as const;

const actions = {
  createSession: action({ input: liveSchemas.createSession, auth: HOSTS, handler: createSession }),
  join: action({ input: liveSchemas.join, auth: 'signed-in', handler: join }),
  host: action({ input: liveSchemas.host, auth: HOSTS, handler: host }),
  state: action({ input: liveSchemas.state, auth: 'signed-in', handler: state }),
  answer: action({ input: liveSchemas.answer, auth: 'signed-in', handler: answer }),
  buzz: action({ input: liveSchemas.buzz, auth: 'signed-in', handler: buzz }),
  scoreboard: action({ input: liveSchemas.scoreboard, auth: 'signed-in', handler: scoreboard }),
  export: action({ input: liveSchemas.export, auth: HOSTS, handler: exportResults }),
  tick: action({ input: liveSchemas.tick, auth: HOSTS, handler: tick }),
  list: action({ input: liveSchemas.list, auth: 'signed-in', handler: list }),
  mine: action({ input: liveSchemas.mine, auth: 'signed-in', handler: mine }),
  hostView: action({ input: liveSchemas.hostView, auth: HOSTS, handler: hostView }),
  joinCode: action({ input: liveSchemas.joinCode, auth: 'signed-in', handler: joinCode }),
} satisfies ContractTable<'live'>;

export const main = defineFunction(actions);
