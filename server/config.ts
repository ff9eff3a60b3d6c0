// Deployment settings read through getters at call time (WeChat lets an admin change them without a redeploy).
import { parseAdminOpenids } from '@/domain/identity/grants';

/** Openids that are admins from the start: the ADMIN_OPENIDS environment variable, comma-separated. */
export function adminOpenids(): string[] {
  return parseAdminOpenids(process.env.ADMIN_OPENIDS);
}

/** Whether an openid is named in ADMIN_OPENIDS. */
export function isConfigAdmin(openid: string): boolean {
  return adminOpenids().includes(openid);
}
