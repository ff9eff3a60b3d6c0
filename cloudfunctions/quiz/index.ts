// The `quiz` cloud function (知识竞赛, 每日一练, 错题本): the bank, competitions, attempts, leaderboards, practice.
import { quizSchemas } from '@/domain/api/quiz';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { result, saveAnswers, start, submit } from './attempt';
import {
  importQuestions,
  importQuestionsFile,
  listQuestions,
  questionTemplate,
  retireQuestion,
  saveQuestion,
} from './bank';
import { flagged, leaderboard } from './board';
import { practiceAnswer, practiceToday, wrongBook } from './practice';
import { createQuiz, listQuizzes } from './quizzes';

const actions = {
  importQuestions: action({ input: quizSchemas.importQuestions, auth: ['admin'], handler: importQuestions }),
  importQuestionsFile: action({
    input: quizSchemas.importQuestionsFile,
    auth: ['admin'],
    handler: importQuestionsFile,
  }),
  questionTemplate: action({ input: quizSchemas.questionTemplate, auth: ['admin'], handler: questionTemplate }),
  listQuestions: action({ input: quizSchemas.listQuestions, auth: ['admin'], handler: listQuestions }),
  saveQuestion: action({ input: quizSchemas.saveQuestion, auth: ['admin'], handler: saveQuestion }),
  retireQuestion: action({ input: quizSchemas.retireQuestion, auth: ['admin'], handler: retireQuestion }),
  createQuiz: action({ input: quizSchemas.createQuiz, auth: ['admin'], handler: createQuiz }),
  listQuizzes: action({ input: quizSchemas.listQuizzes, auth: 'signed-in', handler: listQuizzes }),
  start: action({ input: quizSchemas.start, auth: 'signed-in', handler: start }),
  saveAnswers: action({ input: quizSchemas.saveAnswers, auth: 'signed-in', handler: saveAnswers }),
  submit: action({ input: quizSchemas.submit, auth: 'signed-in', handler: submit }),
  result: action({ input: quizSchemas.result, auth: 'signed-in', handler: result }),
  leaderboard: action({ input: quizSchemas.leaderboard, auth: 'signed-in', handler: leaderboard }),
  flagged: action({ input: quizSchemas.flagged, auth: ['admin'], handler: flagged }),
  practiceToday: action({ input: quizSchemas.practiceToday, auth: 'signed-in', handler: practiceToday }),
  practiceAnswer: action({ input: quizSchemas.practiceAnswer, auth: 'signed-in', handler: practiceAnswer }),
  wrongBook: action({ input: quizSchemas.wrongBook, auth: 'signed-in', handler: wrongBook }),
} satisfies ContractTable<'quiz'>;

export const main = defineFunction(actions);
