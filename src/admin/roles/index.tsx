// 角色授权: granting a role to a bound member picked from the roster or by an invitation code, open invitations,
// and who holds which role (org.listGrants) with 撤销. Nobody types or sees an openid.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TextField } from '@/components/text-field';
import type { GrantRow, InviteRow, MemberRow } from '@/domain/api';
import { formatInviteCode, INVITE_TTL_DAYS } from '@/domain/identity';
import type { GrantedRole, RoleGrant } from '@/domain/roles';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { session } from '@/services/session';
import { orgOptions } from '@/utils/org-tree';
import { ROLE_LABELS, describeGrant } from '@/utils/roles';
import { dateTimeText } from '@/utils/time';
import { useSave } from '@/hooks/use-save';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { Segmented } from '../shared/segmented';
import { SelectField } from '../shared/select-field';
import './index.scss';

const ROLE_OPTIONS: { value: GrantedRole; label: string }[] = [
  { value: 'secretary', label: ROLE_LABELS.secretary },
  { value: 'handler', label: ROLE_LABELS.handler },
  { value: 'admin', label: ROLE_LABELS.admin },
];

type Way = 'roster' | 'invite';
const WAY_OPTIONS: { value: Way; label: string }[] = [
  { value: 'roster', label: '从党员名册选择' },
  { value: 'invite', label: '发邀请码' },
];

/** What an invitee is told; the code is the only thing they need. */
export function inviteMessage(invite: Pick<InviteRow, 'code' | 'expiresAt'>, what: string): string {
  return (
    `邀请您在“机关党建”小程序担任${what}。打开小程序，在“我的 → 接受邀请”中输入邀请码 ` +
    `${formatInviteCode(invite.code)}（${dateTimeText(invite.expiresAt)} 前有效，仅可使用一次）。`
  );
}

/** The role and its scope, shared by both ways of granting. */
function RolePicker({
  directory,
  role,
  scopeId,
  onRole,
  onScope,
}: Pick<AdminContext, 'directory'> & {
  role: GrantedRole;
  scopeId: string;
  onRole: (r: GrantedRole) => void;
  onScope: (s: string) => void;
}) {
  const scopeOptions =
    role === 'secretary'
      ? orgOptions(directory.orgs)
      : directory.departments.map((d) => ({ value: d.departmentId, label: d.name }));
  return (
    <>
      <Text className="field__label">角色</Text>
      <Segmented<GrantedRole> options={ROLE_OPTIONS} value={role} onChange={onRole} />
      {role !== 'admin' && (
        <SelectField
          label={role === 'secretary' ? '负责的党组织' : '所属部门'}
          options={scopeOptions}
          value={scopeId}
          placeholder={
            scopeOptions.length
              ? '请选择'
              : role === 'secretary'
                ? '还没有组织，请先在组织管理中新增'
                : '还没有部门，请先在部门管理中新增'
          }
          onChange={onScope}
        />
      )}
      {role === 'admin' && <View className="help">管理员可以管理全部组织、名册和角色，请谨慎授予。</View>}
    </>
  );
}

/** Finds members by name; a bound one can be picked, an unbound one is explained. */
function MemberSearch({
  directory,
  picked,
  onPick,
}: Pick<AdminContext, 'directory'> & { picked: MemberRow | null; onPick: (m: MemberRow) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MemberRow[] | null>(null);
  const { busy, error, setError, submit } = useSave();
  const orgName = (orgId: string) => directory.orgs.find((o) => o.orgId === orgId)?.name ?? '';

  const search = () => {
    const q = query.trim();
    if (!q) return setError('请输入党员姓名');
    void submit(
      () => call('org', 'members', { query: q }),
      (r) => setFound(r.members),
    );
  };

  return (
    <View className="role-search">
      <View className="role-search__bar">
        <View className="role-search__field">
          <TextField
            label="党员姓名"
            value={query}
            onChange={setQuery}
            placeholder="输入姓名或其中几个字"
            maxLength={20}
          />
        </View>
        <Button type="default" loading={busy} disabled={busy} onClick={search}>
          查找
        </Button>
      </View>
      {error && <View className="form-error">{error}</View>}
      {found && found.length === 0 && <Text className="muted">名册中没有姓名含“{query.trim()}”的党员。</Text>}
      {found?.map((m) => {
        const on = picked?.memberId === m.memberId;
        return (
          <View
            key={m.memberId}
            className={`role-search__row${on ? ' role-search__row--on' : ''}${m.bound ? '' : ' role-search__row--unbound'}`}
            ariaRole="button"
            ariaLabel={`${m.name}${on ? '（已选）' : ''}`}
            onClick={() => (m.bound ? onPick(m) : undefined)}
          >
            <View className="role-search__main">
              <Text className="role-search__name">{m.name}</Text>
              <Text className="role-search__meta">
                {orgName(m.orgId)} <Text className="nowrap">{m.phone}</Text>
              </Text>
            </View>
            <Text className="role-search__state">{m.bound ? (on ? '已选' : '选择') : '未绑定微信'}</Text>
          </View>
        );
      })}
      {found?.some((m) => !m.bound) && (
        <Text className="card__hint">未绑定微信的党员请先在“我的”中绑定，或改用“发邀请码”。</Text>
      )}
    </View>
  );
}

function GrantForm({ directory, me, onGranted }: AdminContext & { onGranted: (self: boolean) => void }) {
  const [way, setWay] = useState<Way>('roster');
  const [picked, setPicked] = useState<MemberRow | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<GrantedRole>('secretary');
  const [scopeId, setScopeId] = useState('');
  const [invite, setInvite] = useState<{ code: string; expiresAt: string; what: string } | null>(null);
  const { busy, error, setError, submit: save } = useSave({ toast: way === 'roster' ? '已授予' : '已生成' });

  const grant: RoleGrant = role === 'admin' ? { role } : { role, scopeId };
  const what = describeGrant(grant, directory.orgs, directory.departments);

  const submit = () => {
    if (way === 'roster' && !picked) return setError('请先查找并选择一名已绑定微信的党员');
    if (way === 'invite' && !displayName.trim()) return setError('请填写被邀请人的姓名');
    if (role !== 'admin' && !scopeId) return setError(role === 'secretary' ? '请选择负责的党组织' : '请选择所属部门');
    if (way === 'roster' && picked) {
      void save(
        () => call('org', 'grantRole', { memberId: picked.memberId, ...grant }),
        () => {
          setPicked(null);
          onGranted(picked.memberId === me.member?.memberId);
        },
      );
    } else {
      void save(
        () => call('org', 'createInvite', { ...grant, displayName: displayName.trim() }),
        (r) => {
          setInvite({ ...r, what });
          setDisplayName('');
          onGranted(false);
        },
      );
    }
  };

  return (
    <View className="card admin-form">
      <View className="card__title">授予角色</View>
      <Segmented<Way>
        options={WAY_OPTIONS}
        value={way}
        onChange={(w) => {
          setWay(w);
          setError(null);
        }}
      />
      {way === 'roster' ? (
        <MemberSearch directory={directory} picked={picked} onPick={setPicked} />
      ) : (
        <>
          <TextField
            label="被邀请人姓名"
            value={displayName}
            onChange={setDisplayName}
            placeholder="不在党员名册中的经办人、管理员也可以"
            maxLength={20}
          />
          <Text className="card__hint">
            生成一个邀请码，发给对方；对方在小程序“我的 → 接受邀请”中输入后即获得角色。{INVITE_TTL_DAYS}{' '}
            天内有效，只能使用一次。
          </Text>
        </>
      )}
      <RolePicker
        directory={directory}
        role={role}
        scopeId={scopeId}
        onRole={(r) => {
          setRole(r);
          setScopeId('');
        }}
        onScope={setScopeId}
      />
      {error && <View className="form-error">{error}</View>}
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={submit}>
        {way === 'roster' ? (picked ? `授予${picked.name}` : '授予') : '生成邀请码'}
      </Button>
      {invite && (
        <View className="role-invite" ariaRole="status">
          <Text className="role-invite__label">邀请码（{invite.what}）</Text>
          <Text className="role-invite__code">{formatInviteCode(invite.code)}</Text>
          <Text className="role-invite__text">{inviteMessage(invite, invite.what)}</Text>
          <Button
            type="default"
            block
            onClick={() => Taro.setClipboardData({ data: inviteMessage(invite, invite.what) })}
          >
            复制邀请
          </Button>
        </View>
      )}
    </View>
  );
}

function InviteList({ invites, directory, onChanged }: AdminContext & { invites: InviteRow[]; onChanged: () => void }) {
  if (invites.length === 0) return null;
  const cancel = async (i: InviteRow) => {
    const { confirm } = await Taro.showModal({
      title: '撤回邀请',
      content: `撤回给“${i.displayName}”的邀请吗？撤回后邀请码 ${formatInviteCode(i.code)} 不能再使用。`,
      confirmText: '撤回',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    try {
      await call('org', 'cancelInvite', { code: i.code });
      Taro.showToast({ title: '已撤回', icon: 'success' });
      onChanged();
    } catch (err) {
      Taro.showModal({ title: '撤回失败', content: toCallError(err).message, showCancel: false });
    }
  };
  return (
    <View className="card">
      <View className="card__title">等待接受的邀请（{invites.length}）</View>
      {invites.map((i) => {
        const what = describeGrant(i, directory.orgs, directory.departments);
        return (
          <View key={i.code} className="admin-list__row">
            <View className="admin-list__main">
              <Text className="admin-list__name">{i.displayName}</Text>
              <Text className="tag tag--role">{what}</Text>
              <Text className="admin-list__meta">
                邀请码 <Text className="nowrap">{formatInviteCode(i.code)}</Text>，
                <Text className="nowrap">{dateTimeText(i.expiresAt)}</Text> 前有效
              </Text>
            </View>
            <View
              className="admin-list__action"
              onClick={() => Taro.setClipboardData({ data: inviteMessage(i, what) })}
            >
              复制
            </View>
            <View className="admin-list__action" onClick={() => cancel(i)}>
              撤回
            </View>
          </View>
        );
      })}
    </View>
  );
}

function GrantList({
  grants,
  me,
  directory,
  onChanged,
}: AdminContext & { grants: GrantRow[]; onChanged: (openid: string) => void }) {
  const revoke = async (g: GrantRow) => {
    const what = describeGrant(g, directory.orgs, directory.departments);
    const who = g.name ?? '这位用户';
    const { confirm } = await Taro.showModal({
      title: '撤销角色',
      content: `确定撤销“${who}”的${what}角色吗？${g.openid === me.openid ? '这是您自己的角色。' : ''}`,
      confirmText: '撤销',
      confirmColor: '#c8161d',
    });
    if (!confirm) return;
    try {
      await call('org', 'revokeRole', { openid: g.openid, role: g.role, ...(g.scopeId ? { scopeId: g.scopeId } : {}) });
      Taro.showToast({ title: '已撤销', icon: 'success' });
      onChanged(g.openid);
    } catch (err) {
      Taro.showModal({ title: '撤销失败', content: toCallError(err).message, showCancel: false });
    }
  };

  return (
    <View className="card">
      <View className="card__title">已授予的角色（{grants.length}）</View>
      {grants.length === 0 && <Text className="muted">还没有授予任何角色。</Text>}
      {grants.map((g) => (
        <View key={`${g.openid}:${g.role}:${g.scopeId ?? ''}`} className="admin-list__row">
          <View className="admin-list__main">
            <Text className="admin-list__name">
              {g.name ?? '未留姓名'}
              {g.openid === me.openid ? '（我）' : ''}
            </Text>
            <Text className="tag tag--role">{describeGrant(g, directory.orgs, directory.departments)}</Text>
          </View>
          {g.fromConfig ? (
            <Text className="tag tag--config">配置指定</Text>
          ) : (
            <View className="admin-list__action" onClick={() => revoke(g)}>
              撤销
            </View>
          )}
        </View>
      ))}
      {grants.some((g) => g.fromConfig) && (
        <Text className="card__hint">“配置指定”的管理员由部署配置 ADMIN_OPENIDS 决定，不能在此撤销。</Text>
      )}
    </View>
  );
}

function Roles(ctx: AdminContext) {
  const grants = useRemote(useCallback(() => call('org', 'listGrants', {}), []));
  const invites = useRemote(useCallback(() => call('org', 'listInvites', {}), []));
  const changed = (openid?: string) => {
    grants.reload();
    invites.reload();
    // The caller's own roles decide what the app shows them.
    if (openid === ctx.me.openid) session.load(true).catch(() => undefined);
  };
  return (
    <>
      <GrantForm {...ctx} onGranted={(self) => changed(self ? ctx.me.openid : undefined)} />
      {invites.data && <InviteList {...ctx} invites={invites.data.invites} onChanged={() => changed()} />}
      <LoadState state={grants} loadingText="正在读取授权…">
        {(data) => <GrantList {...ctx} grants={data.grants} onChanged={changed} />}
      </LoadState>
    </>
  );
}

export default function RolesPage() {
  return <AdminGate page="roles">{(ctx) => <Roles {...ctx} />}</AdminGate>;
}
