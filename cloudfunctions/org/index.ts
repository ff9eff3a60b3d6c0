// The `org` cloud function: organisations, departments, the member roster and role grants.
import { orgSchemas } from '@/domain/api/org';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { grantRole, listGrants, revokeRole } from './grants';
import { acceptInvite, cancelInvite, createInvite, listInvites } from './invites';
import { importMembers, importMembersFile, members } from './roster';
import { list, saveDepartment, saveOrg } from './structure';

const actions = {
  saveOrg: action({ input: orgSchemas.saveOrg, auth: ['admin'], handler: saveOrg }),
  saveDepartment: action({ input: orgSchemas.saveDepartment, auth: ['admin'], handler: saveDepartment }),
  importMembers: action({ input: orgSchemas.importMembers, auth: ['admin', 'secretary'], handler: importMembers }),
  importMembersFile: action({
    input: orgSchemas.importMembersFile,
    auth: ['admin', 'secretary'],
    handler: importMembersFile,
  }),
  members: action({ input: orgSchemas.members, auth: ['admin', 'secretary'], handler: members }),
  grantRole: action({ input: orgSchemas.grantRole, auth: ['admin'], handler: grantRole }),
  revokeRole: action({ input: orgSchemas.revokeRole, auth: ['admin'], handler: revokeRole }),
  listGrants: action({ input: orgSchemas.listGrants, auth: ['admin'], handler: listGrants }),
  list: action({ input: orgSchemas.list, auth: 'public', handler: list }),
  createInvite: action({ input: orgSchemas.createInvite, auth: ['admin'], handler: createInvite }),
  listInvites: action({ input: orgSchemas.listInvites, auth: ['admin'], handler: listInvites }),
  cancelInvite: action({ input: orgSchemas.cancelInvite, auth: ['admin'], handler: cancelInvite }),
  // Anyone signed in: the invitee holds no role yet; the code is the permission.
  acceptInvite: action({ input: orgSchemas.acceptInvite, auth: 'signed-in', handler: acceptInvite }),
} satisfies ContractTable<'org'>;

export const main = defineFunction(actions);
