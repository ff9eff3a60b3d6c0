// 部门管理: the department list (org.list) with adding and renaming (org.saveDepartment).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { TextField } from '@/components/text-field';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory } from '@/services/session';
import { useEditing } from '@/hooks/use-editing';
import { useSave } from '@/hooks/use-save';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { EditForm } from '../shared/edit-form';

interface Draft {
  departmentId?: string;
  name: string;
}

function DepartmentForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const [name, setName] = useState(draft.name);
  const state = useSave({ toast: '已保存', onDone });

  const save = () => {
    const n = name.trim();
    if (!n) return state.setError('请填写部门名称');
    void state.submit(async () => {
      await call('org', 'saveDepartment', {
        ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
        name: n,
      });
      await orgDirectory.load(true).catch(() => undefined);
    });
  };

  return (
    <EditForm title={draft.departmentId ? '重命名部门' : '新增部门'} state={state} onSave={save} onCancel={onDone}>
      <TextField label="部门名称" value={name} onChange={setName} placeholder="如：市发展和改革委员会" maxLength={64} />
    </EditForm>
  );
}

function Departments({ directory }: { directory: OrgDirectory }) {
  const { editing: draft, open: edit, close } = useEditing<Draft>();
  return (
    <>
      <AdminHead title="市直部门" sub={`共 ${directory.departments.length} 个部门`}>
        {!draft && (
          <Button type="primary" onClick={() => edit({ name: '' })}>
            新增部门
          </Button>
        )}
      </AdminHead>
      {draft && <DepartmentForm key={draft.departmentId ?? 'new'} draft={draft} onDone={close} />}
      <View className="card">
        {directory.departments.length === 0 && <Text className="muted">还没有部门。点击“新增部门”录入市直部门。</Text>}
        {directory.departments.map((d) => (
          <View key={d.departmentId} className="admin-list__row">
            <View className="admin-list__main">
              <Text className="admin-list__name">{d.name}</Text>
              <Text className="admin-list__meta">
                编号 <Text className="admin-list__mono">{d.departmentId}</Text>
              </Text>
            </View>
            <View className="admin-list__action" onClick={() => edit({ departmentId: d.departmentId, name: d.name })}>
              重命名
            </View>
          </View>
        ))}
      </View>
    </>
  );
}

export default function DepartmentsPage() {
  return <AdminGate page="departments">{({ directory }) => <Departments directory={directory} />}</AdminGate>;
}
