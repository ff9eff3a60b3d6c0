// 热线: the directory of the city departments (org.list), searchable by name.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { useResource } from '@/hooks/use-remote';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory } from '@/services/session';
import './index.scss';

function Directory({ directory }: { directory: OrgDirectory }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const shown = q ? directory.departments.filter((d) => d.name.includes(q)) : directory.departments;
  return (
    <>
      <View className="hotline-hero">
        <Text className="hotline-hero__title">部门名录</Text>
        <Text className="hotline-hero__sub">市直部门共 {directory.departments.length} 个</Text>
      </View>
      {directory.departments.length > 0 && (
        <View className="field__box hotline-search">
          <Input value={query} onChange={setQuery} placeholder="按部门名称查找" clearable maxLength={32} />
        </View>
      )}
      <View className="card hotline-list">
        {directory.departments.length === 0 && <Text className="muted">尚未录入部门。</Text>}
        {directory.departments.length > 0 && shown.length === 0 && (
          <Text className="muted">没有名称包含“{q}”的部门。</Text>
        )}
        {shown.map((d, i) => (
          <View key={d.departmentId} className="hotline-list__row">
            <Text className="hotline-list__no">{i + 1}</Text>
            <Text className="hotline-list__name">{d.name}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

export default function HotlinePage() {
  const state = useResource(orgDirectory);
  return (
    <PageShell>
      <LoadState state={state}>{(directory) => <Directory directory={directory} />}</LoadState>
    </PageShell>
  );
}
