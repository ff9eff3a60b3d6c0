// 组织管理: the org tree (org.list) with adding, renaming and moving under another parent (org.saveOrg).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TextField } from '@/components/text-field';
import type { OrgRow } from '@/domain/api';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory } from '@/services/session';
import { checkOrgParent } from '@/domain/identity';
import { buildOrgTree, flattenOrgTree, orgOptions, toOrgNodes } from '@/utils/org-tree';
import { useEditing } from '@/hooks/use-editing';
import { useSave } from '@/hooks/use-save';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { EditForm } from '../shared/edit-form';
import { SelectField } from '../shared/select-field';

interface Draft {
  orgId?: string;
  name: string;
  /** '' for a top-level org. */
  parentId: string;
}

const NO_PARENT = '';

function OrgForm({ draft, orgs, onDone }: { draft: Draft; orgs: readonly OrgRow[]; onDone: () => void }) {
  const [name, setName] = useState(draft.name);
  const [parentId, setParentId] = useState(draft.parentId);
  const state = useSave({ toast: '已保存', onDone });

  // Only parents the server accepts: not the org itself, nothing below it, and not deeper than the tree allows.
  const nodes = toOrgNodes(orgs);
  const self = draft.orgId ?? '';
  const options = [
    { value: NO_PARENT, label: '无上级（顶级组织）' },
    ...orgOptions(orgs, (id) => checkOrgParent(nodes, self, id) === 'ok'),
  ];

  const save = () => {
    const n = name.trim();
    if (!n) return state.setError('请填写组织名称');
    void state.submit(async () => {
      await call('org', 'saveOrg', {
        ...(draft.orgId ? { orgId: draft.orgId } : {}),
        name: n,
        // Sent always: an omitted parentId would keep the old parent, null makes it a top-level org.
        parentId: parentId || null,
      });
      await orgDirectory.load(true).catch(() => undefined);
    });
  };

  return (
    <EditForm title={draft.orgId ? '编辑组织' : '新增组织'} state={state} onSave={save} onCancel={onDone}>
      <TextField label="组织名称" value={name} onChange={setName} placeholder="如：机关第一党支部" maxLength={64} />
      <SelectField label="上级组织" options={options} value={parentId} onChange={setParentId} />
    </EditForm>
  );
}

function Orgs({ directory }: { directory: OrgDirectory }) {
  const { editing: draft, open: edit, close } = useEditing<Draft>();
  const rows = flattenOrgTree(buildOrgTree(directory.orgs));
  const byId = new Map(directory.orgs.map((o) => [o.orgId, o]));

  return (
    <>
      <AdminHead title="组织架构" sub={`共 ${directory.orgs.length} 个党组织`}>
        {!draft && (
          <Button type="primary" onClick={() => edit({ name: '', parentId: NO_PARENT })}>
            新增组织
          </Button>
        )}
      </AdminHead>
      {draft && <OrgForm key={draft.orgId ?? 'new'} draft={draft} orgs={directory.orgs} onDone={close} />}
      <View className="card">
        {rows.length === 0 && <Text className="muted">还没有组织。点击“新增组织”从机关党委开始建立组织架构。</Text>}
        {rows.map(({ org, depth }) => (
          <View key={org.orgId} className="admin-list__row" style={{ paddingLeft: `${depth * 18}px` }}>
            <View className="admin-list__main">
              <Text className="admin-list__name">
                {depth > 0 ? '└ ' : ''}
                {org.name}
              </Text>
              <Text className="admin-list__meta">
                编号 <Text className="admin-list__mono">{org.orgId}</Text>
                {org.parentId && !byId.has(org.parentId) ? '（上级已不存在）' : ''}
              </Text>
            </View>
            <View
              className="admin-list__action"
              onClick={() =>
                edit({
                  orgId: org.orgId,
                  name: org.name,
                  parentId: org.parentId && byId.has(org.parentId) ? org.parentId : NO_PARENT,
                })
              }
            >
              编辑
            </View>
          </View>
        ))}
      </View>
    </>
  );
}

export default function OrgsPage() {
  return <AdminGate page="orgs">{({ directory }) => <Orgs directory={directory} />}</AdminGate>;
}
