// One leader's 领学带学督学 records, newest first, and the form that records a visit to one of his contact points
// (date, 领学/带学/督学, topic, notes, photos). Opened from the register by the 工委 and secretaries, and by the leader
// himself from 我的 (no leaderId: his own). The server decides who sees and records what.
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { PhotoUpload } from '@/components/photo-upload';
import { uniquePhotoPath } from '@/components/photo-upload/types';
import { TextField } from '@/components/text-field';
import type { LeaderRow, VisitRow } from '@/domain/api/register';
import type { VisitKind } from '@/domain/register';
import { VISIT_KINDS, VISIT_MAX_PHOTOS, visitPhotoPath } from '@/domain/register';
import { useRemote, useResource } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { session } from '@/services/session';
import { dateText } from '@/utils/time';
import { Segmented } from '../shared/segmented';
import { plainOptions, SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import { AdminHead } from '../shared/admin-head';
import '../shared/admin.scss';
import '../register-terms/index.scss';
import '../register-leaders/index.scss';

const cloudPath = (fileName: string) => uniquePhotoPath(fileName, visitPhotoPath);

function Visit({ v }: { v: VisitRow }) {
  return (
    <View className="visit">
      <View className="visit__head">
        <Text>
          <Text className="nowrap">{v.visitedOn}</Text> {v.kind}
        </Text>
        <Text className="leaders__title">{v.orgName}</Text>
      </View>
      <Text className="visit__line">主题：{v.topic}</Text>
      {v.notes && <Text className="visit__line">{v.notes}</Text>}
      {v.photos.length > 0 && (
        <View className="visit__photos">
          {v.photos.map((p, i) =>
            p.url ? (
              <Image
                key={p.fileID}
                className="visit__photo"
                src={p.url}
                mode="aspectFill"
                ariaLabel={`照片 ${i + 1}`}
                nativeProps={{ alt: `${v.topic} 照片 ${i + 1}` }}
              />
            ) : (
              <Text key={p.fileID} className="muted">
                照片{i + 1}暂时无法显示
              </Text>
            ),
          )}
        </View>
      )}
    </View>
  );
}

function RecordForm({ leader, onDone, onCancel }: { leader: LeaderRow; onDone: () => void; onCancel: () => void }) {
  const [orgId, setOrgId] = useState(leader.contacts[0]?.orgId ?? '');
  const [visitedOn, setVisitedOn] = useState(dateText(Date.now()));
  const [kind, setKind] = useState<VisitKind>('领学');
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const saving = useSave({ toast: '已登记', onDone });
  const save = () => {
    if (!orgId) return saving.setError('请选择联系点');
    if (!topic.trim()) return saving.setError('请填写学习主题');
    void saving.submit(() =>
      call('register', 'recordVisit', {
        leaderId: leader.memberId,
        orgId,
        visitedOn,
        kind,
        topic,
        ...(notes.trim() ? { notes } : {}),
        photos,
      }),
    );
  };
  return (
    <View className="card leaders__record">
      <View className="card__title">登记领学记录</View>
      <SelectField
        label="联系点"
        options={leader.contacts.map((c) => ({ value: c.orgId, label: c.orgName }))}
        value={orgId}
        onChange={setOrgId}
      />
      <TimeField label="日期" mode="date" value={visitedOn} onChange={setVisitedOn} />
      <View className="field">
        <Text className="field__label">形式</Text>
        <Segmented options={plainOptions(VISIT_KINDS)} value={kind} onChange={setKind} />
      </View>
      <TextField label="学习主题" name="topic" value={topic} onChange={setTopic} maxLength={50} />
      <View className="field">
        <Text className="field__label">情况记录（选填）</Text>
        <TextArea
          className="admin-textarea leaders__notes"
          value={notes}
          onChange={setNotes}
          maxLength={1000}
          placeholder="学习内容、交流发言、督导发现的问题"
          autoSize
          nativeProps={{ name: 'notes', 'aria-label': '情况记录' }}
        />
      </View>
      <View className="field">
        <Text className="field__label">照片（选填，最多 {VISIT_MAX_PHOTOS} 张）</Text>
        <PhotoUpload
          value={photos}
          onChange={setPhotos}
          onError={(e) => saving.setError(e.message)}
          disabled={saving.busy}
          cloudPath={cloudPath}
          max={VISIT_MAX_PHOTOS}
        />
      </View>
      <FormActions
        error={saving.error}
        busy={saving.busy}
        submitText="登记"
        submitClassName="leaders__submit"
        onSubmit={save}
        cancelText="取消"
        onCancel={onCancel}
      />
    </View>
  );
}

function Visits({ leaderId }: { leaderId: string }) {
  const [page, setPage] = useState(0);
  const [recording, setRecording] = useState(false);
  const state = useRemote(useCallback(() => call('register', 'visits', { leaderId, page }), [leaderId, page]));
  const done = () => {
    setRecording(false);
    if (page === 0) state.reload();
    else setPage(0);
  };
  return (
    <LoadState state={state} loadingText="正在读取领学记录…">
      {({ leader, visits, hasMore }) => (
        <>
          <AdminHead
            title={`${leader.name}的领学记录`}
            sub={`${leader.title} · 联系点：${leader.contacts.map((c) => c.orgName).join('、')}`}
          />
          <View className="card terms__summary">
            <View className={`terms__count${leader.visits === 0 ? ' terms__count--overdue' : ''}`}>
              <Text className="terms__number">{leader.visits}</Text>
              <Text className="terms__label">今年次数</Text>
            </View>
            <View className="terms__count">
              <Text className="terms__number leaders__last">{leader.lastVisitOn ?? '—'}</Text>
              <Text className="terms__label">最近一次</Text>
            </View>
          </View>
          {recording ? (
            <RecordForm leader={leader} onDone={done} onCancel={() => setRecording(false)} />
          ) : (
            <Button className="leaders__add" block type="primary" onClick={() => setRecording(true)}>
              登记领学记录
            </Button>
          )}
          <View className="card leaders__record">
            <View className="card__title">领学带学督学记录</View>
            {visits.length === 0 ? (
              <Text className="muted">{page === 0 ? '还没有记录。' : '没有更多记录了。'}</Text>
            ) : (
              visits.map((v) => <Visit key={v.visitId} v={v} />)
            )}
            {(page > 0 || hasMore) && (
              <View className="actions">
                <Button fill="outline" disabled={page === 0} onClick={() => setPage(page - 1)} style={{ flex: 1 }}>
                  上一页
                </Button>
                <Button fill="outline" disabled={!hasMore} onClick={() => setPage(page + 1)} style={{ flex: 1 }}>
                  下一页
                </Button>
              </View>
            )}
          </View>
        </>
      )}
    </LoadState>
  );
}

export default function LeaderVisitsPage() {
  const asked = useRouter().params.leaderId;
  const me = useResource(session);
  return (
    <PageShell className="admin terms leaders">
      {asked ? (
        <Visits leaderId={asked} />
      ) : (
        <LoadState state={me}>
          {(s) =>
            s.member ? (
              <Visits leaderId={s.member.memberId} />
            ) : (
              <Text className="muted">请先在“我的”页面绑定党员身份。</Text>
            )
          }
        </LoadState>
      )}
    </PageShell>
  );
}
