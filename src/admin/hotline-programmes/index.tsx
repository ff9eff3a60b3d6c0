// 热线节目安排 (admins): programmes with their date and time, topic and the departments on air (上线单位); the
// public sends questions until it airs, then its page lists the answered questions and the replay link set here.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { HOTLINE_PAGES } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import { TextField } from '@/components/text-field';
import type { ProgrammeSummary } from '@/domain/api/hotline-public';
import { HOTLINE_PROGRAMME_TOPIC_MAX, HOTLINE_PROGRAMME_URL_MAX } from '@/domain/hotline/programme';
import { useEditing } from '@/hooks/use-editing';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { dateText, dateTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { CheckList } from '../shared/check-list';
import { EditForm } from '../shared/edit-form';
import { TimeField } from '../shared/time-field';

function ProgrammeForm({
  item,
  directory,
  onDone,
}: {
  item: ProgrammeSummary | null;
  directory: OrgDirectory;
  onDone: () => void;
}) {
  const [topic, setTopic] = useState(item?.topic ?? '');
  const [description, setDescription] = useState(item?.description ?? '');
  const [day, setDay] = useState(item ? dateText(item.airAt) : dateText(Date.now() + 7 * 86400_000));
  const [time, setTime] = useState(item ? dateTimeText(item.airAt).slice(11) : '10:00');
  const [picked, setPicked] = useState<string[]>(item?.departments.map((d) => d.departmentId) ?? []);
  const [replayUrl, setReplayUrl] = useState(item?.replayUrl ?? '');
  const state = useSave({ toast: '已保存', onDone });

  const save = () => {
    if (!topic.trim()) return state.setError('请填写节目主题');
    if (picked.length === 0) return state.setError('请至少选择一个上线单位');
    const url = replayUrl.trim();
    if (url && !/^https?:\/\//i.test(url)) return state.setError('回放链接须以 http:// 或 https:// 开头');
    void state.submit(() =>
      call('hotline', 'programmeSave', {
        ...(item ? { programmeId: item.programmeId } : {}),
        topic: topic.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        airAt: `${day}T${time}:00+08:00`,
        departmentIds: picked,
        ...(url ? { replayUrl: url } : {}),
      }),
    );
  };

  return (
    <EditForm title={item ? '修改节目' : '安排节目'} state={state} onSave={save} onCancel={onDone}>
      <TextField
        label="节目主题"
        value={topic}
        onChange={setTopic}
        maxLength={HOTLINE_PROGRAMME_TOPIC_MAX}
        placeholder="如：民声热线·住房专场"
      />
      <TextField label="节目说明（选填）" value={description} onChange={setDescription} maxLength={500} />
      <TimeField label="播出日期" mode="date" value={day} onChange={setDay} />
      <TimeField label="播出时间" mode="time" value={time} onChange={setTime} />
      <Text className="field__label">上线单位</Text>
      <CheckList
        items={directory.departments.map((d) => ({ value: d.departmentId, label: d.name }))}
        picked={picked}
        onChange={setPicked}
      />
      <TextField
        label="回放链接（播出后填写）"
        value={replayUrl}
        onChange={setReplayUrl}
        maxLength={HOTLINE_PROGRAMME_URL_MAX}
        placeholder="https://"
      />
    </EditForm>
  );
}

function Programmes({ directory }: AdminContext) {
  const [page, setPage] = useState(1);
  const { editing, open: edit, close } = useEditing<ProgrammeSummary | 'new'>();
  const fetcher = useCallback(() => call('hotline', 'programmeList', { page }), [page]);
  const state = useRemote(fetcher);
  return (
    <>
      <AdminHead title="热线节目安排" sub="节目播出前群众可提问，问题直接交给上线单位">
        {!editing && (
          <Button type="primary" onClick={() => edit('new')}>
            安排节目
          </Button>
        )}
      </AdminHead>
      {editing && (
        <ProgrammeForm
          key={editing === 'new' ? 'new' : editing.programmeId}
          item={editing === 'new' ? null : editing}
          directory={directory}
          onDone={() => {
            close();
            state.reload();
          }}
        />
      )}
      <LoadState state={state}>
        {({ programmes, hasMore }) => (
          <>
            <View className="card">
              {programmes.length === 0 && <Text className="muted">还没有安排节目。</Text>}
              {programmes.map((p) => (
                <View key={p.programmeId} className="admin-list__row">
                  <View
                    className="admin-list__main"
                    onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.programme(p.programmeId) })}
                  >
                    <Text className="admin-list__name">{p.topic}</Text>
                    <Text className="admin-list__meta">
                      {dateTimeText(p.airAt)} · {p.phaseName} · 问题 {p.asked} 个
                    </Text>
                    <Text className="admin-list__meta">上线单位：{p.departments.map((d) => d.name).join('、')}</Text>
                  </View>
                  <View className="admin-list__action" onClick={() => edit(p)}>
                    修改
                  </View>
                </View>
              ))}
            </View>
            <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </>
  );
}

export default function HotlineProgrammesPage() {
  return <AdminGate page="hotline-programmes">{(ctx) => <Programmes {...ctx} />}</AdminGate>;
}
