// The caller's identity (user.login) and the org directory (org.list), shared by every page.
import type { ActionOutput } from '@/domain/api';
import { call } from './call';
import { CallError } from './call-error';
import { createResource } from './resource';

export type Session = ActionOutput<'user', 'login'>;
export type OrgDirectory = ActionOutput<'org', 'list'>;

/**
 * A visitor without a WeChat identity: only the H5 build before an identity is chosen (WeChat always sends one).
 * Such a visitor is the public and can still read everything public, so this is a session rather than an error.
 */
export const ANONYMOUS: Session = { openid: '', roles: [], member: null };

export function isAnonymous(s: Session): boolean {
  return s.openid === '';
}

export const session = createResource<Session>(async () => {
  try {
    return await call('user', 'login', {});
  } catch (err) {
    if (err instanceof CallError && err.code === 'UNAUTHENTICATED') return ANONYMOUS;
    throw err;
  }
});

export const orgDirectory = createResource<OrgDirectory>(() => call('org', 'list', {}));
