// Contract of the `user` cloud function: input schemas and output shapes.
import type { z } from 'zod';
import type { RoleGrant } from '../roles';
import { input, phone, text } from './common';

export const userSchemas = {
  login: input({}),
  bind: input({ name: text(32).describe('姓名'), phone }),
};

export interface MemberSummary {
  memberId: string;
  name: string;
  orgId: string;
}

export interface UserApi {
  login: {
    input: z.input<typeof userSchemas.login>;
    output: { openid: string; roles: RoleGrant[]; member: MemberSummary | null };
  };
  bind: { input: z.input<typeof userSchemas.bind>; output: { memberId: string } };
}
