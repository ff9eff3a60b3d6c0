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
import {
  createTrainingClass,
  enrolTraining,
  myTrainings,
  trainingClass,
  trainingClasses,
  trainingCoverage,
  untrainedMembers,
  withdrawTraining,
} from './training';
import { cancelTrainingClass, updateTrainingClass } from './training-edit';
import { exportTrainingClass, exportTrainingCoverage } from './training-export';

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
  // 培训: classes (the admin opens them), enrolment, a member's own classes, coverage.
  trainingClasses: action({ input: registerSchemas.trainingClasses, auth: KEEPERS, handler: trainingClasses }),
  createTrainingClass: action({
    input: registerSchemas.createTrainingClass,
    auth: ['admin'],
    handler: createTrainingClass,
  }),
  // Only who opens classes edits or cancels them.
  updateTrainingClass: action({
    input: registerSchemas.updateTrainingClass,
    auth: ['admin'],
    handler: updateTrainingClass,
  }),
  cancelTrainingClass: action({
    input: registerSchemas.cancelTrainingClass,
    auth: ['admin'],
    handler: cancelTrainingClass,
  }),
  trainingClass: action({ input: registerSchemas.trainingClass, auth: KEEPERS, handler: trainingClass }),
  enrolTraining: action({ input: registerSchemas.enrolTraining, auth: KEEPERS, handler: enrolTraining }),
  withdrawTraining: action({ input: registerSchemas.withdrawTraining, auth: KEEPERS, handler: withdrawTraining }),
  myTrainings: action({ input: registerSchemas.myTrainings, auth: 'signed-in', handler: myTrainings }),
  trainingCoverage: action({ input: registerSchemas.trainingCoverage, auth: KEEPERS, handler: trainingCoverage }),
  untrainedMembers: action({ input: registerSchemas.untrainedMembers, auth: KEEPERS, handler: untrainedMembers }),
  exportTrainingClass: action({
    input: registerSchemas.exportTrainingClass,
    auth: KEEPERS,
    handler: exportTrainingClass,
  }),
  exportTrainingCoverage: action({
    input: registerSchemas.exportTrainingCoverage,
    auth: KEEPERS,
    handler: exportTrainingCoverage,
  }),
} satisfies ContractTable<'register'>;

export const main = withTimer(defineFunction(actions), runTimer);
