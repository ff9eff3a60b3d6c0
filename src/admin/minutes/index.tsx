// 会议纪实 of one 三会一课 meeting: the secretary fills in topic, 主持人, 记录人, minutes, decisions, photos and the
// absentees' reasons beside the check-in attendance, saves (a draft until complete) and exports it; the branch's
// members, its 党委 and the 工委 read it; anyone else sees 无权限 (the function decides).
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { MeetingAttendanceRow, MeetingView } from '@/domain/api';
import { ATTENDANCE_LABELS, MINUTES_MAX_PHOTOS, orglifeMinutesPhotoPath } from '@/domain/orglife';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { NoPermission } from '@/components/no-permission';
import { PageShell } from '@/components/page-shell';
import { PhotoUpload } from '@/components/photo-upload';
import { uniquePhotoPath } from '@/components/photo-upload/types';
import { TextField } from '@/components/text-field';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { timeRange } from '@/utils/checkin';
import { dateTimeText } from '@/utils/time';
import '../shared/admin.scss';
import './index.scss';

/** Longest 会议记录 (the contract's MINUTES_MAX_CHARS; not imported, to keep schema code out of the app). */
const MINUTES_MAX_CHARS = 20_000;

const READERS = '本支部党员、上级党委和机关工委';

interface Draft {
  topic: string;
  host: string;
  recorder: string;
  minutes: string;
  decisions: string;
  photos: string[];
  /** Reasons of absentees by memberId. */
  reasons: Record<string, string>;
}

function draftOf(m: MeetingView): Draft {
  const r = m.record;
  const reasons: Record<string, string> = {};
  for (const row of m.attendance.rows) if (row.status === 'absent') reasons[row.memberId] = row.reason;
  return {
    topic: r?.topic ?? '',
    host: r?.host ?? '',
    recorder: r?.recorder ?? '',
    minutes: r?.minutes ?? '',
    decisions: r?.decisions ?? '',
    photos: r?.photos.map((p) => p.fileID) ?? [],
    reasons,
  };
}

const cloudPath = (fileName: string) => uniquePhotoPath(fileName, orglifeMinutesPhotoPath);

function StateTag({ m }: { m: MeetingView }) {
  if (!m.record) return <Text className="minutes-state minutes-state--none">未填写纪实</Text>;
  if (m.record.complete) return <Text className="minutes-state minutes-state--complete">纪实已完成</Text>;
  return <Text className="minutes-state minutes-state--draft">草稿：缺{m.record.missing.join('、')}</Text>;
}

function Head({ m }: { m: MeetingView }) {
  const exporting = useSave({ errorToast: true });
  const doExport = () =>
    exporting.submit(
      () => call('orglife', 'exportMinutes', { activityId: m.activityId }),
      (out) => openExport(out.url, out.fileName),
    );
  return (
    <View className="card">
      <StateTag m={m} />
      <Text className="minutes-title">{m.title}</Text>
      <Text className="minutes-meta">
        {m.kind} · {timeRange(m)}
        {m.place ? ` · ${m.place}` : ''}
      </Text>
      <Text className="minutes-meta">{m.orgNames.join('、')}</Text>
      {m.record && (
        <Text className="minutes-meta">
          {m.record.updatedBy} 于 {dateTimeText(m.record.updatedAt)} 保存
        </Text>
      )}
      {m.canEdit && m.record && (
        <View className="actions minutes-head-actions">
          <Button className="minutes-export" loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
            导出纪实（Excel）
          </Button>
        </View>
      )}
    </View>
  );
}

function AttendanceRow({
  row,
  reason,
  onReason,
}: {
  row: MeetingAttendanceRow;
  reason: string;
  onReason?: (reason: string) => void;
}) {
  return (
    <View className="minutes-person">
      <View className="minutes-person__head">
        <Text className="minutes-person__name">{row.name}</Text>
        <Text className={`minutes-person__status minutes-person__status--${row.status}`}>
          {ATTENDANCE_LABELS[row.status]}
        </Text>
      </View>
      {row.status === 'manual' && <Text className="minutes-person__note">补签原因：{row.reason}</Text>}
      {row.status === 'absent' &&
        (onReason ? (
          <View className="field__box minutes-person__reason">
            <Input
              name={`reason-${row.memberId}`}
              value={reason}
              onChange={onReason}
              placeholder="缺席原因，如：出差、病假"
              maxLength={100}
              ariaLabel={`${row.name}的缺席原因`}
              nativeProps={{ 'aria-label': `${row.name}的缺席原因` }}
            />
          </View>
        ) : (
          <Text className="minutes-person__note">缺席原因：{row.reason || '未填写'}</Text>
        ))}
    </View>
  );
}

function Attendance({
  m,
  draft,
  onReason,
}: {
  m: MeetingView;
  draft?: Draft;
  onReason?: (id: string, r: string) => void;
}) {
  const a = m.attendance;
  return (
    <View className="card">
      <View className="card__title">出勤情况（据签到）</View>
      <Text className="minutes-counts">
        应到 {a.expected} 人，实到 {a.present} 人（迟到 {a.late}，补签 {a.manual}），缺席 {a.absent} 人
      </Text>
      {a.rows.map((row) => (
        <AttendanceRow
          key={row.memberId}
          row={row}
          reason={draft ? (draft.reasons[row.memberId] ?? '') : row.reason}
          onReason={onReason && ((r) => onReason(row.memberId, r))}
        />
      ))}
    </View>
  );
}

function LongField({
  label,
  value,
  onChange,
  max,
  placeholder,
  name,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  max: number;
  placeholder: string;
  name: string;
}) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <TextArea
        className={`admin-textarea minutes-textarea--${name}`}
        value={value}
        onChange={onChange}
        maxLength={max}
        placeholder={placeholder}
        autoSize
        nativeProps={{ name, 'aria-label': label }}
      />
    </View>
  );
}

function Editor({ m, reload }: { m: MeetingView; reload: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(m));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const saving = useSave({
    onDone: reload,
  });
  const started = Date.parse(m.startAt) <= Date.now();
  const urls: Record<string, string> = {};
  for (const p of m.record?.photos ?? []) if (p.url) urls[p.fileID] = p.url;

  const save = () =>
    saving.submit(
      () =>
        call('orglife', 'saveMinutes', {
          activityId: m.activityId,
          topic: draft.topic.trim(),
          host: draft.host.trim(),
          recorder: draft.recorder.trim(),
          minutes: draft.minutes.trim(),
          decisions: draft.decisions.trim(),
          photos: draft.photos,
          absences: Object.entries(draft.reasons)
            .map(([memberId, reason]) => ({ memberId, reason: reason.trim() }))
            .filter((a) => a.reason !== ''),
        }),
      ({ complete, missing }) =>
        Taro.showToast({
          title: complete ? '纪实已保存' : `已存为草稿，还缺${missing.join('、')}`,
          icon: complete ? 'success' : 'none',
        }),
    );

  return (
    <>
      <View className="card admin-form minutes-form">
        <View className="card__title">填写会议纪实</View>
        {!started && <Text className="card__hint">会议开始后才能填写纪实。</Text>}
        <TextField
          name="topic"
          label="会议主题"
          value={draft.topic}
          onChange={(topic) => set({ topic })}
          placeholder="如：学习《2020年机关党建工作计划》"
          maxLength={100}
        />
        <View className="minutes-pair">
          <TextField name="host" label="主持人" value={draft.host} onChange={(host) => set({ host })} maxLength={30} />
          <TextField
            name="recorder"
            label="记录人"
            value={draft.recorder}
            onChange={(recorder) => set({ recorder })}
            maxLength={30}
          />
        </View>
        <LongField
          name="minutes"
          label="会议记录"
          value={draft.minutes}
          onChange={(minutes) => set({ minutes })}
          max={MINUTES_MAX_CHARS}
          placeholder="会议议程、发言要点、讨论情况"
        />
        <LongField
          name="decisions"
          label="会议决定（选填）"
          value={draft.decisions}
          onChange={(decisions) => set({ decisions })}
          max={5000}
          placeholder="形成的决议、分工和完成时限"
        />
        <View className="field">
          <Text className="field__label">会议照片（选填，最多 {MINUTES_MAX_PHOTOS} 张）</Text>
          <PhotoUpload
            value={draft.photos}
            onChange={(photos) => set({ photos })}
            onError={(e) => saving.setError(e.message)}
            disabled={saving.busy}
            cloudPath={cloudPath}
            max={MINUTES_MAX_PHOTOS}
            urls={urls}
          />
        </View>
        <Text className="card__hint">
          主题、主持人、记录人、会议记录都填写后，纪实才算完成，“三会一课”看板才计为已召开。
        </Text>
        <FormActions
          error={saving.error}
          busy={saving.busy}
          disabled={!started}
          submitText="保存纪实"
          submitClassName="minutes-save"
          onSubmit={save}
        />
      </View>
      <Attendance
        m={m}
        draft={draft}
        onReason={(id, r) => setDraft((d) => ({ ...d, reasons: { ...d.reasons, [id]: r } }))}
      />
    </>
  );
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <View className="minutes-block">
      <Text className="minutes-block__label">{label}</Text>
      <Text className="minutes-block__text">{text || '（未填写）'}</Text>
    </View>
  );
}

function Reader({ m }: { m: MeetingView }) {
  const r = m.record;
  return (
    <>
      <View className="card">
        <View className="card__title">会议纪实</View>
        {r ? (
          <>
            <Block label="会议主题" text={r.topic} />
            <Block label="主持人 / 记录人" text={`${r.host || '—'} / ${r.recorder || '—'}`} />
            <Block label="会议记录" text={r.minutes} />
            {r.decisions && <Block label="会议决定" text={r.decisions} />}
            {r.photos.length > 0 && (
              <View className="minutes-photos">
                {r.photos.map((p, i) =>
                  p.url ? (
                    <Image
                      key={p.fileID}
                      className="minutes-photos__img"
                      src={p.url}
                      mode="aspectFill"
                      ariaLabel={`会议照片 ${i + 1}`}
                      onClick={() =>
                        Taro.previewImage({
                          current: p.url ?? '',
                          urls: r.photos.flatMap((x) => (x.url ? [x.url] : [])),
                        })
                      }
                    />
                  ) : (
                    <Text key={p.fileID} className="muted">
                      照片 {i + 1} 暂时无法显示
                    </Text>
                  ),
                )}
              </View>
            )}
          </>
        ) : (
          <Text className="muted">支部还没有填写这次会议的纪实。</Text>
        )}
      </View>
      <Attendance m={m} />
    </>
  );
}

export default function MinutesPage() {
  const activityId = useRouter().params.activityId ?? '';
  const state = useRemote(useCallback(() => call('orglife', 'meeting', { activityId }), [activityId]));
  if (state.error?.code === 'PERMISSION_DENIED' && !state.data)
    return (
      <PageShell className="admin minutes">
        <NoPermission who={READERS} />
      </PageShell>
    );
  return (
    <PageShell className="admin minutes">
      <LoadState state={state} loadingText="正在读取会议纪实…">
        {(m) => (
          <>
            <Head m={m} />
            {m.canEdit ? <Editor key={m.record?.updatedAt ?? 'new'} m={m} reload={state.reload} /> : <Reader m={m} />}
          </>
        )}
      </LoadState>
    </PageShell>
  );
}
