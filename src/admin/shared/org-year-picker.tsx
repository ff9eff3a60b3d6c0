// The branch and year a points view is about: the branches the caller may see (admin: all, secretary: own subtree)
// and the last five years, kept in the page address so that a link to 评星定级 opens the same branch and year.
import { View } from '@tarojs/components';
import type { OrgRow } from '@/domain/api';
import type { RoleGrant } from '@/domain/roles';
import { recentYears } from '@/utils/points';
import { beijingYear } from '@/utils/time';
import { rosterOrgIds } from '@/utils/roles';
import { SelectField } from './select-field';
import './org-year-picker.scss';

/** The orgs the caller may pick, in the directory's tree order. */
export function pickableOrgs(roles: readonly RoleGrant[], orgs: readonly OrgRow[]): OrgRow[] {
  const ids = new Set(rosterOrgIds(roles, orgs));
  return orgs.filter((o) => ids.has(o.orgId));
}

/**
 * The org a page opens with: the one asked for if the caller may see it; else a secretary's own org; else the first
 * branch (an org without children), since the dashboard is about branches.
 */
export function defaultOrgId(
  asked: string | undefined,
  roles: readonly RoleGrant[],
  orgs: readonly OrgRow[],
): string | undefined {
  const pickable = pickableOrgs(roles, orgs);
  if (asked && pickable.some((o) => o.orgId === asked)) return asked;
  const own = roles.find((r) => r.role === 'secretary' && r.scopeId && pickable.some((o) => o.orgId === r.scopeId));
  if (own?.scopeId) return own.scopeId;
  const parents = new Set(orgs.map((o) => o.parentId));
  return (pickable.find((o) => !parents.has(o.orgId)) ?? pickable[0])?.orgId;
}

/** The year asked for in the address when it is a sensible one, else this year. */
export function askedYear(asked: string | undefined): number {
  const y = Number(asked);
  const now = beijingYear(Date.now());
  return Number.isInteger(y) && y >= 2000 && y <= now ? y : now;
}

export interface OrgYearPickerProps {
  orgs?: readonly OrgRow[];
  orgId?: string;
  onOrg?: (orgId: string) => void;
  year: number;
  onYear: (year: number) => void;
}

export function OrgYearPicker({ orgs, orgId, onOrg, year, onYear }: OrgYearPickerProps) {
  const years = recentYears(beijingYear(Date.now())).map((y) => ({ value: String(y), label: `${y} 年` }));
  return (
    <View className="org-year">
      {orgs && onOrg && (
        <View className="org-year__org">
          <SelectField
            label="支部"
            options={orgs.map((o) => ({ value: o.orgId, label: o.name }))}
            value={orgId ?? ''}
            placeholder="请选择支部"
            onChange={onOrg}
          />
        </View>
      )}
      <View className="org-year__year">
        <SelectField label="年度" options={years} value={String(year)} onChange={(v) => onYear(Number(v))} />
      </View>
    </View>
  );
}
