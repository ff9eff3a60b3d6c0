// 角色授权: who holds which role (org.listGrants), granting (org.grantRole) and revoking (org.revokeRole).
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TextField } from '@/components/text-field';
import type { GrantRow } from '@/domain/api';
import type { GrantedRole } from '@/domain/roles';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { toCallError } from '@/services/call-error';
import { session } from '@/services/session';
import { orgOptions } from '@/utils/org-tree';
import { ROLE_LABELS, describeGrant } from '@/utils/roles';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { useSave } from '../shared/edit-form';
import { Segmented } from '../shared/segmented';
import { SelectField } from '../shared/select-field';

const ROLE_OPTIONS: { value: GrantedRole; label: string }[] = [
  { value: 'secretary', label: ROLE_LABELS.secretary },
  { value: 'handler', label: ROLE_LABELS.handler },
  { value: 'admin', label: ROLE_LABELS.admin },
];

function GrantForm({ directory, onGranted }: AdminContext & { onGranted: (openid: string) => void }) {
  const [openid, setOpenid] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<GrantedRole>('secretary');
  const [scopeId, setScopeId] = useState('');
  const { busy, error, setError, submit: save } = useSave(undefined, '已授予');

  const scopeOptions =
    role === 'secretary'
      ? orgOptions(directory.orgs)
      : directory.departments.map((d) => ({ value: d.departmentId, label: d.name }));

  const submit = async () => {
    const id = openid.trim();
    if (!id) return setError('请填写用户标识（openid），可在对方“我的 → 设置”中复制');
    if (role !== 'admin' && !scopeId) return setError(role === 'secretary' ? '请选择所在党组织' : '请选择所属部门');
    void save(
      () =>
        call('org', 'grantRole', {
          openid: id,
          role,
          ...(role === 'admin' ? {} : { scopeId }),
          ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        }),
      () => {
        setOpenid('');
        setDisplayName('');
        onGranted(id);
      },
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">授予角色</View>
      <TextField
        label="用户标识（openid）"
        value={openid}
        onChange={setOpenid}
        placeholder="对方在“我的 → 设置”中复制给您"
        maxLength={64}
      />
      <TextField
        label="显示姓名（选填）"
        value={displayName}
        onChange={setDisplayName}
        placeholder="不在党员名册中的经办人、管理员，填写后各处显示此姓名"
        maxLength={20}
      />
      <Text className="field__label">角色</Text>
      <Segmented<GrantedRole>
        options={ROLE_OPTIONS}
        value={role}
        onChange={(r) => {
          setRole(r);
          setScopeId('');
        }}
      />
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
          onChange={setScopeId}
        />
      )}
      {role === 'admin' && <View className="help">管理员可以管理全部组织、名册和角色，请谨慎授予。</View>}
      {error && <View className="form-error">{error}</View>}
      <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={submit}>
        授予
      </Button>
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
    const who = g.name ?? g.openid;
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
              {g.name ?? ROLE_LABELS[g.role]}
              {g.openid === me.openid ? '（我）' : ''}
            </Text>
            <Text className="tag tag--role">{describeGrant(g, directory.orgs, directory.departments)}</Text>
            <Text className="admin-list__meta admin-list__mono">{g.openid}</Text>
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
  const changed = (openid: string) => {
    grants.reload();
    // The caller's own roles decide what the app shows them.
    if (openid === ctx.me.openid) session.load(true).catch(() => undefined);
  };
  return (
    <>
      <GrantForm {...ctx} onGranted={changed} />
      <LoadState state={grants} loadingText="正在读取授权…">
        {(data) => <GrantList {...ctx} grants={data.grants} onChanged={changed} />}
      </LoadState>
    </>
  );
}

export default function RolesPage() {
  return <AdminGate page="roles">{(ctx) => <Roles {...ctx} />}</AdminGate>;
}
