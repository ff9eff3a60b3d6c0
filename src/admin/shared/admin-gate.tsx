// Wraps every admin page: loads the caller's session and the org directory, and shows 无权限 to callers without the role.
import type { ReactNode } from 'react';
import { LoadState } from '@/components/load-state';
import { NoPermission } from '@/components/no-permission';
import { PageShell } from '@/components/page-shell';
import { bothStates, useResource } from '@/hooks/use-remote';
import type { OrgDirectory, Session } from '@/services/session';
import { orgDirectory, session } from '@/services/session';
import type { GatedPage } from '@/utils/roles';
import { canOpen, SECRETARY_PAGES } from '@/utils/roles';
import './admin.scss';

/** Who may open a page, for the 无权限 screen (as canOpen decides). */
function whoMayOpen(page: GatedPage): string {
  if (page === 'hotline-queue') return '部门经办人';
  return (SECRETARY_PAGES as readonly GatedPage[]).includes(page) ? '管理员和支部书记' : '管理员';
}

export interface AdminContext {
  me: Session;
  directory: OrgDirectory;
}

export interface AdminGateProps {
  page: GatedPage;
  /** The page's own class beside `admin`, e.g. `live-run`. */
  className?: string;
  children: (ctx: AdminContext) => ReactNode;
}

export function AdminGate({ page, className, children }: AdminGateProps) {
  const state = bothStates(useResource(session), useResource(orgDirectory));
  return (
    <PageShell className={className ? `admin ${className}` : 'admin'}>
      <LoadState state={state}>
        {([me, directory]) =>
          canOpen(page, me.roles) ? children({ me, directory }) : <NoPermission who={whoMayOpen(page)} />
        }
      </LoadState>
    </PageShell>
  );
}
