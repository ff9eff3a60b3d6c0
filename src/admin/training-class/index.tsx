// One training class (工委 and secretaries): when and where, the seats, enrolment by organisation or by name, the
// roster with each member's attendance from the check-in (a page of 100; a secretary sees the own organisations'),
// withdrawal before attending, the code screen for the admin and the roster export; the admin edits the class or calls
// it off (a cancelled one shows its reason and takes no more enrolment).
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import { TextField } from '@/components/text-field';
import type { MemberRow } from '@/domain/api';
import type { TrainingApi, TrainingRosterRow } from '@/domain/api/training';
import { TRAINING_PHASE_LABELS } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { orgOptions } from '@/utils/org-tree';
import { isAdmin, rosterOrgIds } from '@/utils/roles';
import { dateTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { SelectField } from '../shared/select-field';
import { CancelClass, ClassForm } from '../trainings/class-form';
import '../trainings/index.scss';

type Enrolled = TrainingApi['enrolTraining']['output'];

function enrolledText(r: Enrolled): string {
  const parts = [`新报名 ${r.enrolled} 人`];
  if (r.already) parts.push(`${r.already} 人此前已报名`);
  if (r.full) parts.push('名额已满，其余未报上');
  return parts.join('，');
}

function Enrol({ classId, ctx, onDone }: { classId: string; ctx: AdminContext; onDone: () => void }) {
  const allowed = new Set(rosterOrgIds(ctx.me.roles, ctx.directory.orgs));
  const orgs = orgOptions(ctx.directory.orgs, (id) => allowed.has(id));
  const [orgId, setOrgId] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<MemberRow[] | null>(null);
  const byOrg = useSave({ errorToast: true });
  const byName = useSave({ errorToast: true });
  const search = useSave({ errorToast: true });
  const done = (r: Enrolled) => {
    void Taro.showToast({ title: enrolledText(r), icon: 'none' });
    onDone();
  };
  return (
    <View className="card admin-form">
      <View className="card__title">报名</View>
      <SelectField label="按组织报名（该组织全部党员）" options={orgs} value={orgId} onChange={setOrgId} />
      <Button
        block
        type="primary"
        disabled={!orgId || byOrg.busy}
        loading={byOrg.busy}
        onClick={() => byOrg.submit(() => call('register', 'enrolTraining', { classId, orgId }), done)}
      >
        报名该组织党员
      </Button>
      <View className="trainings__enrol">
        <TextField
          label="按姓名报名"
          name="memberName"
          value={name}
          onChange={setName}
          placeholder="输入姓名查找"
          maxLength={20}
        />
        <Button
          disabled={!name.trim() || search.busy}
          onClick={() =>
            search.submit(
              () => call('org', 'members', { query: name.trim() }),
              (r) => setFound(r.members.filter((m) => allowed.has(m.orgId))),
            )
          }
        >
          查找
        </Button>
      </View>
      {found && found.length === 0 && <Text className="muted">没有找到该党员（只列出您管理的组织的党员）。</Text>}
      {found?.map((m) => (
        <View key={m.memberId} className="admin-list__row">
          <View className="admin-list__main">
            <Text className="admin-list__name">{m.name}</Text>
            <Text className="admin-list__meta">{ctx.directory.orgs.find((o) => o.orgId === m.orgId)?.name ?? ''}</Text>
          </View>
          <Text
            className="admin-list__action"
            onClick={() =>
              byName.submit(() => call('register', 'enrolTraining', { classId, memberIds: [m.memberId] }), done)
            }
          >
            报名
          </Text>
        </View>
      ))}
    </View>
  );
}

function RosterRow({
  r,
  classId,
  locked,
  onDone,
}: {
  r: TrainingRosterRow;
  classId: string;
  /** Cancelled: the roster stays as it was. */
  locked: boolean;
  onDone: () => void;
}) {
  const withdraw = useSave({ toast: '已取消报名', errorToast: true });
  return (
    <View className="admin-list__row">
      <View className="admin-list__main">
        <Text className="admin-list__name">{r.name}</Text>
        <Text className="admin-list__meta">
          {r.orgName}
          {r.walkIn ? ' · 未报名，现场签到' : ''}
        </Text>
      </View>
      {r.attendance ? (
        <Text className="trainings__tag trainings__tag--present">{r.attendance === 'late' ? '迟到' : '已签到'}</Text>
      ) : (
        <>
          <Text className="trainings__tag">未签到</Text>
          {!locked && (
            <Text
              className="admin-list__action"
              onClick={() =>
                withdraw.submit(() => call('register', 'withdrawTraining', { classId, memberId: r.memberId }), onDone)
              }
            >
              取消报名
            </Text>
          )}
        </>
      )}
    </View>
  );
}

type Mode = 'view' | 'edit' | 'cancel';

function ClassView({ classId, ctx }: { classId: string; ctx: AdminContext }) {
  const [page, setPage] = useState(0);
  const [mode, setMode] = useState<Mode>('view');
  const state = useRemote(useCallback(() => call('register', 'trainingClass', { classId, page }), [classId, page]));
  const done = () => {
    setMode('view');
    state.reload();
  };
  const exporting = useSave({ errorToast: true });
  return (
    <LoadState state={state} loadingText="正在加载培训班…">
      {({ class: c, roster, hasMore, canEnrol }) => (
        <>
          <View className="card">
            <View className="admin-list__row">
              <View className="admin-list__main">
                <Text className="admin-list__name">{c.title}</Text>
                <Text className="admin-list__meta">{c.kind}</Text>
              </View>
              <Text className={`trainings__tag trainings__tag--${c.phase}`}>{TRAINING_PHASE_LABELS[c.phase]}</Text>
            </View>
            <Text className="admin-list__meta">
              <Text className="nowrap">{dateTimeText(c.startAt)}</Text> 至{' '}
              <Text className="nowrap">{dateTimeText(c.endAt)}</Text>
            </Text>
            <Text className="admin-list__meta trainings__untrained">
              {c.place} · 已报名 {c.enrolled} / {c.capacity} 人
            </Text>
            {c.phase === 'cancelled' && (
              <Text className="admin-list__meta trainings__untrained">取消原因：{c.cancelReason}</Text>
            )}
            {isAdmin(ctx.me.roles) && c.phase !== 'ended' && c.phase !== 'cancelled' && (
              <>
                <Button
                  block
                  type="primary"
                  onClick={() =>
                    Taro.navigateTo({ url: `/admin/activity-code/index?activityId=${encodeURIComponent(c.classId)}` })
                  }
                >
                  打开签到码（大屏）
                </Button>
                {mode === 'view' && (
                  <View className="actions trainings__manage">
                    <Button fill="outline" style={{ flex: 1 }} onClick={() => setMode('edit')}>
                      编辑
                    </Button>
                    <Button
                      className="trainings__cancel"
                      fill="outline"
                      style={{ flex: 1 }}
                      onClick={() => setMode('cancel')}
                    >
                      取消培训
                    </Button>
                  </View>
                )}
              </>
            )}
          </View>
          {mode === 'edit' && (
            <ClassForm
              editing={c}
              onSubmit={(fields) => call('register', 'updateTrainingClass', { classId, ...fields })}
              onDone={done}
              onCancel={() => setMode('view')}
            />
          )}
          {mode === 'cancel' && <CancelClass c={c} onDone={done} onBack={() => setMode('view')} />}
          {canEnrol && <Enrol classId={classId} ctx={ctx} onDone={state.reload} />}
          <View className="card">
            <View className="card__title">花名册与签到</View>
            {roster.length === 0 ? (
              <Text className="muted">还没有人报名。</Text>
            ) : (
              roster.map((r) => (
                <RosterRow
                  key={r.memberId}
                  r={r}
                  classId={classId}
                  locked={c.phase === 'cancelled'}
                  onDone={state.reload}
                />
              ))
            )}
            <Pager page={page} hasMore={hasMore} onPage={setPage} />
          </View>
          <Button
            className="trainings__export"
            block
            loading={exporting.busy}
            disabled={exporting.busy}
            onClick={() =>
              exporting.submit(
                () => call('register', 'exportTrainingClass', { classId }),
                (out) => openExport(out.url, out.fileName),
              )
            }
          >
            导出花名册（Excel）
          </Button>
        </>
      )}
    </LoadState>
  );
}

export default function TrainingClassPage() {
  const classId = useRouter().params.classId ?? '';
  return (
    <AdminGate page="training" className="trainings">
      {(ctx) => <ClassView classId={classId} ctx={ctx} />}
    </AdminGate>
  );
}
