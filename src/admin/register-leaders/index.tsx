// 领学带学督学台账 (工委 and secretaries): the leaders (领导干部) with their contact points and this year's visits,
// those without one first (one summary read on the server); each row opens the leader's records. The admin marks a
// roster member as a leader (title and contact points) or removes one; the register exports to Excel.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { OrgRow } from '@/domain/api';
import type { LeaderRow } from '@/domain/api/register';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { isAdmin } from '@/utils/roles';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { CheckList } from '../shared/check-list';
import '../register-terms/index.scss';
import './index.scss';

/** The leader's state this year: 未开展 or the number of visits. */
export function LeaderState({ r }: { r: LeaderRow }) {
  return r.visits > 0 ? (
    <Text className="terms__state terms__state--ok">{r.visits} 次</Text>
  ) : (
    <Text className="terms__state terms__state--overdue">未开展</Text>
  );
}

function Row({ r, admin, onEdit }: { r: LeaderRow; admin: boolean; onEdit: (r: LeaderRow) => void }) {
  return (
    <View className="admin-list__row leaders__row">
      <View
        className="admin-list__main"
        onClick={() =>
          Taro.navigateTo({ url: `/admin/leader-visits/index?leaderId=${encodeURIComponent(r.memberId)}` })
        }
      >
        <Text className="admin-list__name">
          {r.name} <Text className="leaders__title">{r.title}</Text>
        </Text>
        <Text className="admin-list__meta">联系点：{r.contacts.map((c) => c.orgName).join('、')}</Text>
        <Text className="admin-list__meta terms__ends">
          {r.lastVisitOn ? `最近一次 ${r.lastVisitOn}` : '还没有领学记录'}
        </Text>
      </View>
      <View className="leaders__side">
        <LeaderState r={r} />
        {admin && (
          <Text className="admin-list__action leaders__edit" onClick={() => onEdit(r)}>
            修改
          </Text>
        )}
      </View>
    </View>
  );
}

interface Draft {
  memberId: string;
  name: string;
  title: string;
  contactOrgIds: string[];
}

const EMPTY: Draft = { memberId: '', name: '', title: '', contactOrgIds: [] };

/** Admin: pick a roster member by name, give the title and tick the contact points. */
function LeaderForm({
  initial,
  orgs,
  onDone,
  onCancel,
}: {
  initial: Draft;
  orgs: readonly OrgRow[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Array<{ memberId: string; name: string; orgName: string }> | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const searching = useSave({ errorToast: true });
  const saving = useSave({ toast: '已保存', onDone });
  const removing = useSave({ toast: '已移除', onDone, errorToast: true });
  const names = new Map(orgs.map((o) => [o.orgId, o.name]));
  const search = () =>
    searching.submit(
      () => call('org', 'members', { query: query.trim() }),
      ({ members }) => setFound(members.slice(0, 8).map((m) => ({ ...m, orgName: names.get(m.orgId) ?? '' }))),
    );
  const save = () => {
    if (!draft.memberId) return saving.setError('请先查找并选择一名党员');
    if (!draft.title.trim()) return saving.setError('请填写职务');
    if (draft.contactOrgIds.length === 0) return saving.setError('请至少选择一个联系点');
    void saving.submit(() =>
      call('register', 'saveLeader', {
        memberId: draft.memberId,
        title: draft.title,
        contactOrgIds: draft.contactOrgIds,
      }),
    );
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '移除领导干部',
      content: `${draft.name}不再列入领学台账，已有的领学记录保留。`,
    });
    if (confirm) void removing.submit(() => call('register', 'removeLeader', { memberId: draft.memberId }));
  };
  return (
    <View className="card leaders__form">
      <View className="card__title">{initial.memberId ? `修改：${initial.name}` : '设定领导干部'}</View>
      {!initial.memberId && (
        <>
          <TextField label="按姓名查找党员" name="query" value={query} onChange={setQuery} maxLength={20} />
          <Button className="leaders__search" size="small" loading={searching.busy} onClick={search}>
            查找
          </Button>
          {found && found.length === 0 && <Text className="muted">名册中没有找到这个姓名。</Text>}
          {found?.map((m) => (
            <View
              key={m.memberId}
              className={`check-list__row${draft.memberId === m.memberId ? ' check-list__row--on' : ''}`}
              onClick={() => set({ memberId: m.memberId, name: m.name })}
            >
              <Text className="check-list__box">{draft.memberId === m.memberId ? '✓' : ''}</Text>
              <Text>
                {m.name}
                {m.orgName ? `（${m.orgName}）` : ''}
              </Text>
            </View>
          ))}
        </>
      )}
      <TextField label="职务" name="title" value={draft.title} onChange={(title) => set({ title })} maxLength={30} />
      <View className="field">
        <Text className="field__label">联系点（基层党组织，最多 5 个）</Text>
        <CheckList
          items={orgs.filter((o) => o.parentId).map((o) => ({ value: o.orgId, label: o.name }))}
          picked={draft.contactOrgIds}
          onChange={(contactOrgIds) => set({ contactOrgIds })}
        />
      </View>
      <FormActions
        error={saving.error}
        busy={saving.busy}
        submitText="保存"
        submitClassName="leaders__save"
        onSubmit={save}
        cancelText="取消"
        onCancel={onCancel}
      />
      {initial.memberId && (
        <Text className="admin-list__action leaders__remove" onClick={() => void remove()}>
          移除该领导干部
        </Text>
      )}
    </View>
  );
}

function Register({ admin, orgs }: { admin: boolean; orgs: readonly OrgRow[] }) {
  const state = useRemote(useCallback(() => call('register', 'leaders', {}), []));
  useReloadOnReturn(state.reload);
  const [editing, setEditing] = useState<Draft | null>(null);
  const exporting = useSave({ errorToast: true });
  const doExport = () =>
    exporting.submit(
      () => call('register', 'exportLeaders', {}),
      (out) => openExport(out.url, out.fileName),
    );
  const done = () => {
    setEditing(null);
    state.reload();
  };
  return (
    <LoadState state={state} loadingText="正在加载台账…">
      {({ rows, counts, year }) => (
        <>
          <View className="card terms__summary">
            <View className="terms__count">
              <Text className="terms__number">{counts.leaders}</Text>
              <Text className="terms__label">领导干部</Text>
            </View>
            <View className="terms__count terms__count--overdue">
              <Text className="terms__number">{counts.without}</Text>
              <Text className="terms__label">{year}年未开展</Text>
            </View>
          </View>
          {editing && <LeaderForm initial={editing} orgs={orgs} onDone={done} onCancel={() => setEditing(null)} />}
          <View className="card">
            <View className="card__title">领导干部与联系点（{year}年）</View>
            {rows.length === 0 ? (
              <Text className="muted">
                {admin ? '还没有设定领导干部：点下方“设定领导干部”。' : '您管理的组织还不是任何领导干部的联系点。'}
              </Text>
            ) : (
              rows.map((r) => (
                <Row
                  key={r.memberId}
                  r={r}
                  admin={admin}
                  onEdit={(x) =>
                    setEditing({
                      memberId: x.memberId,
                      name: x.name,
                      title: x.title,
                      contactOrgIds: x.contacts.map((c) => c.orgId),
                    })
                  }
                />
              ))
            )}
          </View>
          {admin && !editing && (
            <Button className="leaders__add" block type="primary" onClick={() => setEditing(EMPTY)}>
              设定领导干部
            </Button>
          )}
          <Button className="terms__export" block loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
            导出台账（Excel）
          </Button>
        </>
      )}
    </LoadState>
  );
}

export default function RegisterLeadersPage() {
  return (
    <AdminGate page="leaders" className="terms leaders">
      {({ me, directory }) => (
        <>
          <AdminHead
            title="领学带学督学台账"
            sub="领导干部每年到基层联系点领学、带学或督学至少一次；点姓名查看和登记"
          />
          <Register admin={isAdmin(me.roles)} orgs={directory.orgs} />
        </>
      )}
    </AdminGate>
  );
}
