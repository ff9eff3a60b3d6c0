// The `register` cloud function: the 工委's 台账. 换届选举台账 (terms, election records, the daily reminder timer
// and the overdue flag) with its Excel export.
import { registerSchemas } from '@/domain/api/register';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { withTimer } from '../../server/timer';
import { exportTerms } from './export';
import { exportLeaders, leaders, recordVisit, removeLeader, saveLeader, visits } from './leaders';
import { recordElection, saveTerm, term, terms } from './terms';
import { runTimer } from './timer';
import { volunteerActions } from './volunteer-actions';

const KEEPERS = ['admin', 'secretary'] as const;

const actions = {
  terms: action({ input: registerSchemas.terms, auth: KEEPERS, handler: terms }),
  term: action({ input: registerSchemas.term, auth: KEEPERS, handler: term }),
  saveTerm: action({ input: registerSchemas.saveTerm, auth: KEEPERS, handler: saveTerm }),
  recordElection: action({ input: registerSchemas.recordElection, auth: KEEPERS, handler: recordElection }),
  exportTerms: action({ input: registerSchemas.exportTerms, auth: KEEPERS, handler: exportTerms }),
  leaders: action({ input: registerSchemas.leaders, auth: 'signed-in', handler: leaders }),
  saveLeader: action({ input: registerSchemas.saveLeader, auth: ['admin'], handler: saveLeader }),
  removeLeader: action({ input: registerSchemas.removeLeader, auth: ['admin'], handler: removeLeader }),
  recordVisit: action({ input: registerSchemas.recordVisit, auth: 'signed-in', handler: recordVisit }),
  visits: action({ input: registerSchemas.visits, auth: 'signed-in', handler: visits }),
  exportLeaders: action({ input: registerSchemas.exportLeaders, auth: 'signed-in', handler: exportLeaders }),
  ...volunteerActions,
} satisfies ContractTable<'register'>;

export const main = withTimer(defineFunction(actions), runTimer);
