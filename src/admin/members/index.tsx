// 党员名册: the roster of one org (or all, for admins) in pages of 100 (org.members), with the way into the import.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { call } from '@/services/call';
import { orgOptions } from '@/utils/org-tree';
import { isAdmin, rosterOrgIds } from '@/utils/roles';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { SelectField } from '../shared/select-field';

const ALL = '';

function Roster({ me, directory }: AdminContext) {
  const admin = isAdmin(me.roles);
  const allowed = new Set(rosterOrgIds(me.roles, directory.orgs));
  const options = [
    ...(admin ? [{ value: ALL, label: '全部组织' }] : []),
    ...orgOptions(directory.orgs, (id) => allowed.has(id)),
  ];
  const [orgId, setOrgId] = useState(options[0]?.value ?? ALL);
  const [page, setPage] = useState(0);
  const orgName = new Map(directory.orgs.map((o) => [o.orgId, o.name]));

  const state = useRemote(useCallback(() => call('org', 'members', orgId ? { orgId, page } : { page }), [orgId, page]));

  // Coming back from the import page shows the new rows (the first show is covered by the initial load).
  useReloadOnReturn(state.reload);

  return (
    <>
      <AdminHead title="党员名册" sub={admin ? '全部党组织' : '本支部'}>
        <Button
          type="primary"
          onClick={() => Taro.navigateTo({ url: `/admin/import/index?orgId=${encodeURIComponent(orgId)}` })}
        >
          导入名册
        </Button>
      </AdminHead>
      <View className="card">
        <SelectField
          label="组织"
          options={options}
          value={orgId}
          onChange={(v) => {
            setOrgId(v);
            setPage(0);
          }}
        />
        <LoadState state={state} loadingText="正在读取名册…" variant="inline">
          {(data) => {
            const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
            return (
              <>
                <Text className="card__hint">共 {data.total} 人</Text>
                {data.members.length === 0 && (
                  <View className="admin-list__row">
                    <Text className="muted">名册为空。点击“导入名册”粘贴或上传 Excel。</Text>
                  </View>
                )}
                {data.members.map((m) => (
                  <View key={m.memberId} className="admin-list__row">
                    <View className="admin-list__main">
                      <Text className="admin-list__name">{m.name}</Text>
                      <Text className="admin-list__meta">
                        {m.phone}
                        {orgId ? '' : ` · ${orgName.get(m.orgId) ?? '组织已撤销'}`}
                      </Text>
                    </View>
                    <Text className={`tag ${m.bound ? 'tag--ok' : 'tag--off'}`}>{m.bound ? '已绑定' : '未绑定'}</Text>
                  </View>
                ))}
                {pages > 1 && (
                  <View className="pager">
                    <Button disabled={data.page <= 0} onClick={() => setPage(data.page - 1)}>
                      上一页
                    </Button>
                    <Text className="pager__info">
                      第 {data.page + 1} / {pages} 页
                    </Text>
                    <Button disabled={data.page + 1 >= pages} onClick={() => setPage(data.page + 1)}>
                      下一页
                    </Button>
                  </View>
                )}
              </>
            );
          }}
        </LoadState>
      </View>
    </>
  );
}

export default function MembersPage() {
  return <AdminGate page="members">{(ctx) => <Roster {...ctx} />}</AdminGate>;
}
