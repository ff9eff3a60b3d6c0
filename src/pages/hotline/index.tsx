// 热线: the 民声热线 entry points (我要反映, 我的诉求, 公开答复; 诉求分办 for admins, 本部门诉求 for handlers) above the
// directory of the city departments (org.list), searchable by name.
import { useState, useSyncExternalStore } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { HOTLINE_PAGES } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { useResource } from '@/hooks/use-remote';
import { identityIsAdmin } from '@/domain/identity';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory, session } from '@/services/session';
import './index.scss';

function Directory({ directory }: { directory: OrgDirectory }) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const shown = q ? directory.departments.filter((d) => d.name.includes(q)) : directory.departments;
  return (
    <>
      <View className="hotline-section">
        <Text className="hotline-section__title">部门名录</Text>
        <Text className="hotline-section__sub">市直部门共 {directory.departments.length} 个</Text>
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

const ENTRIES = [
  { title: '我要反映', sub: '咨询、求助、投诉、建议、表扬', url: HOTLINE_PAGES.submit },
  { title: '我的诉求', sub: '查看办理进度和答复', url: HOTLINE_PAGES.mine },
  { title: '公开答复', sub: '答复公示与部门统计', url: HOTLINE_PAGES.board },
  { title: '热线节目', sub: '部门上线答复，节目前可提问', url: HOTLINE_PAGES.programmes },
];

/**
 * The appeal entry points; 诉求分办 and 本部门诉求 show for the roles that use them (the server checks again). The
 * session is read as already loaded by 首页 or 我的, not loaded here, so the directory below loads on its own.
 */
function Entries() {
  const me = useSyncExternalStore(session.subscribe, session.snapshot, session.snapshot).data;
  const roles = me?.roles ?? [];
  const staff = [
    ...(identityIsAdmin(roles)
      ? [
          { title: '诉求分办', sub: '受理、交办、不予受理', url: HOTLINE_PAGES.triage },
          { title: '热线知识库', sub: '常见问题的答复口径', url: HOTLINE_PAGES.knowledgeAdmin },
          { title: '节目安排', sub: '热线节目与上线单位', url: HOTLINE_PAGES.programmesAdmin },
          { title: '热线统计', sub: '部门办理情况、月报导出、超期通报', url: HOTLINE_PAGES.statsAdmin },
        ]
      : []),
    ...(identityIsAdmin(roles) || roles.some((r) => r.role === 'handler')
      ? [{ title: '本部门诉求', sub: '按办理期限答复', url: HOTLINE_PAGES.queue }]
      : []),
  ];
  return (
    <View className="hotline-entries">
      {[...ENTRIES, ...staff].map((e) => (
        <View key={e.url} className="card hotline-entry" onClick={() => Taro.navigateTo({ url: e.url })}>
          <Text className="hotline-entry__title">{e.title}</Text>
          <Text className="hotline-entry__sub">{e.sub}</Text>
        </View>
      ))}
    </View>
  );
}

export default function HotlinePage() {
  const state = useResource(orgDirectory);
  return (
    <PageShell>
      <View className="hotline-hero">
        <Text className="hotline-hero__title">民声热线</Text>
        <Text className="hotline-hero__sub">群众诉求按工作日限时答复，答复打码公开</Text>
      </View>
      <Entries />
      <LoadState state={state}>{(directory) => <Directory directory={directory} />}</LoadState>
    </PageShell>
  );
}
