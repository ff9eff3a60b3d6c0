// Wraps every admin page: loads the caller's session and the org directory, and shows 无权限 to callers without the role.
import type { ReactNode } from 'react';
import { LoadState } from '@/components/load-state';
import { NoPermission } from '@/components/no-permission';
import { PageShell } from '@/components/page-shell';
import { bothStates, useResource } from '@/hooks/use-remote';
import type { OrgDirectory, Session } from '@/services/session';
import { orgDirectory, session } from '@/services/session';
import type { AdminPage } from '@/utils/roles';
import { canOpen } from '@/utils/roles';
import './admin.scss';

/** The pages a secretary may open too (as canOpen decides). */
const SECRETARY_PAGES: readonly AdminPage[] = ['members', 'activities', 'dashboard', 'stars', 'live'];

export interface AdminContext {
  me: Session;
  directory: OrgDirectory;
}

export interface AdminGateProps {
  page: AdminPage;
  children: (ctx: AdminContext) => ReactNode;
}

export function AdminGate({ page, children }: AdminGateProps) {
  const state = bothStates(useResource(session), useResource(orgDirectory));
  return (
    <PageShell className="admin">
      <LoadState state={state}>
        {([me, directory]) =>
          canOpen(page, me.roles) ? (
            children({ me, directory })
          ) : (
            <NoPermission who={SECRETARY_PAGES.includes(page) ? '管理员和支部书记' : '管理员'} />
          )
        }
      </LoadState>
    </PageShell>
  );
}
