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
    output: {
      openid: string;
      roles: RoleGrant[];
      member: MemberSummary | null;
      /** Present (true) when the bound member is a 领导干部 of the 领学带学督学 register: 我的 shows its entry. */
      leader?: boolean;
    };
  };
  bind: { input: z.input<typeof userSchemas.bind>; output: { memberId: string } };
}
