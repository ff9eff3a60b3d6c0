// The whole contract as one type map: the client imports it with `import type` only.
import type { OrgApi } from './org';
import type { UserApi } from './user';

export interface Api {
  user: UserApi;
  org: OrgApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never;

export type { UserApi, MemberSummary } from './user';
export type { OrgApi, OrgRow, DepartmentRow, RowError, MemberRow, GrantRow } from './org';
