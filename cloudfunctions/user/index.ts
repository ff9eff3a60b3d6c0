// The `user` cloud function: who the caller is (login) and binding to the roster (bind).
import { userSchemas } from '@/domain/api/user';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { bind } from './bind';
import { login } from './login';

const actions = {
  login: action({ input: userSchemas.login, auth: 'signed-in', handler: login }),
  bind: action({ input: userSchemas.bind, auth: 'signed-in', handler: bind }),
} satisfies ContractTable<'user'>;

export const main = defineFunction(actions);
