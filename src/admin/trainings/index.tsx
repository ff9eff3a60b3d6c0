// 培训台账 (工委 and secretaries): this quarter's coverage per organisation (one summary read on the server; a row
// shows its members not yet trained), the year's classes against the plan (a cancelled class listed as 已取消 with its
// reason), and for the admin the form that opens a class with its check-in.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import type { TrainingClassRow } from '@/domain/api/training';
import type { CoverageRow } from '@/domain/register';
import { TRAINING_PHASE_LABELS } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { ClassForm } from './class-form';
import './index.scss';

function Untrained({ orgId }: { orgId: string }) {
  const state = useRemote(useCallback(() => call('register', 'untrainedMembers', { orgId }), [orgId]));
  return (
    <LoadState state={state} loadingText="正在读取…">
      {({ members, hasMore }) => (
        <Text className="admin-list__meta trainings__untrained">
          {members.length === 0 ? '本季度全部党员已参加培训' : `未培训：${members.map((m) => m.name).join('、')}`}
          {hasMore ? ' 等' : ''}
        </Text>
      )}
    </LoadState>
  );
}

function CoverageLine({ r }: { r: CoverageRow }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="trainings__org" onClick={() => setOpen(!open)}>
      <View className="admin-list__row">
        <View className="admin-list__main">
          <Text className="admin-list__name">{r.orgName}</Text>
          <Text className="admin-list__meta">
            党员 {r.members} 人，已培训 {r.trained} 人（{r.rate}%）
          </Text>
        </View>
        <Text className={`trainings__tag${r.untrained > 0 ? ' trainings__tag--warn' : ''}`}>
          {r.untrained > 0 ? `${r.untrained} 人未培训` : '全部已培训'}
        </Text>
      </View>
      {open && <Untrained orgId={r.orgId} />}
    </View>
  );
}

function Coverage() {
  const state = useRemote(useCallback(() => call('register', 'trainingCoverage', {}), []));
  const exporting = useSave({ errorToast: true });
  return (
    <LoadState state={state} loadingText="正在读取培训覆盖情况…">
      {({ label, rows, counts }) => (
        <View className="card">
          <View className="card__title">{label}培训覆盖</View>
          <Text className="card__hint">
            已培训 {counts.members - counts.untrained} / {counts.members} 人；{counts.orgs}{' '}
            个组织有未培训党员。点组织查看名单。
          </Text>
          {rows.length === 0 ? (
            <Text className="muted">您管理的组织中还没有党员。</Text>
          ) : (
            rows.map((r) => <CoverageLine key={r.orgId} r={r} />)
          )}
          <Button
            className="trainings__export"
            block
            loading={exporting.busy}
            disabled={exporting.busy}
            onClick={() =>
              exporting.submit(
                () => call('register', 'exportTrainingCoverage', {}),
                (out) => openExport(out.url, out.fileName),
              )
            }
          >
            导出覆盖情况（Excel）
          </Button>
        </View>
      )}
    </LoadState>
  );
}

function ClassRow({ c }: { c: TrainingClassRow }) {
  return (
    <View
      className="admin-list__row"
      onClick={() => Taro.navigateTo({ url: `/admin/training-class/index?classId=${encodeURIComponent(c.classId)}` })}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{c.title}</Text>
        <Text className="admin-list__meta">
          {c.kind} · <Text className="nowrap">{shortDateTimeText(c.startAt)}</Text> · {c.place}
        </Text>
        <Text className="admin-list__meta">
          {c.phase === 'cancelled' ? `取消原因：${c.cancelReason ?? ''}` : `已报名 ${c.enrolled} / ${c.capacity} 人`}
        </Text>
      </View>
      <Text className={`trainings__tag trainings__tag--${c.phase}`}>{TRAINING_PHASE_LABELS[c.phase]}</Text>
    </View>
  );
}

function Classes() {
  const state = useRemote(useCallback(() => call('register', 'trainingClasses', {}), []));
  useReloadOnReturn(state.reload);
  const [creating, setCreating] = useState(false);
  return (
    <LoadState state={state} loadingText="正在加载培训班…">
      {({ year, classes, plan, canCreate }) => (
        <>
          <View className="card">
            <View className="card__title">{year}年培训计划</View>
            {plan.map((l) => (
              <View key={l.label} className="admin-list__row">
                <Text className="admin-list__name">{l.label}</Text>
                <Text className={`trainings__tag${l.met ? ' trainings__tag--ended' : ' trainings__tag--warn'}`}>
                  {l.held} / {l.planned} 期
                </Text>
              </View>
            ))}
          </View>
          {canCreate &&
            (creating ? (
              <ClassForm
                onSubmit={async (fields) => {
                  const { classId } = await call('register', 'createTrainingClass', fields);
                  Taro.navigateTo({ url: `/admin/training-class/index?classId=${encodeURIComponent(classId)}` });
                }}
                onDone={() => {
                  setCreating(false);
                  state.reload();
                }}
                onCancel={() => setCreating(false)}
              />
            ) : (
              <Button className="trainings__new" type="primary" block onClick={() => setCreating(true)}>
                开设培训班
              </Button>
            ))}
          <View className="card">
            <View className="card__title">{year}年培训班</View>
            {classes.length === 0 ? (
              <Text className="muted">今年还没有开设培训班。</Text>
            ) : (
              classes.map((c) => <ClassRow key={c.classId} c={c} />)
            )}
          </View>
        </>
      )}
    </LoadState>
  );
}

export default function TrainingsPage() {
  return (
    <AdminGate page="training" className="trainings">
      {() => (
        <>
          <AdminHead
            title="培训台账"
            sub="千名科级党员干部大培训每季度 2 期；书记、组织委员培训班每年 6–8 期；扫码签到即记为参训"
          />
          <Coverage />
          <Classes />
        </>
      )}
    </AdminGate>
  );
}
