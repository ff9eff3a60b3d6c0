// 创新创优竞赛 (工委): set up a competition (kind, windows, weighted criteria, judges from the roster, optional public
// vote and its weight), then for each one the judges' progress, the live results with vote bursts, 截止征集,
// 公布结果 (after a confirmation) and the Excel export.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { TextField } from '@/components/text-field';
import type { ContestKind, ContestSummary } from '@/domain/api/contest';
import { CONTEST_KINDS } from '@/domain/api/contest';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { dateText, dayTimeText } from '@/utils/time';
import { CONTEST_STAGE_LABELS, contestWhen } from '../../contest/stage';
import { ContestResultList } from '../../contest/results';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { CriteriaEdit, CriteriaEditor, criteriaOf, DEFAULT_CRITERIA } from './criteria-editor';
import { CheckList } from '../shared/check-list';
import { Segmented } from '../shared/segmented';
import { TimeField } from '../shared/time-field';
import '../../contest/contest.scss';
import './index.scss';
import { plainOptions } from '../shared/select-field';

const DAY = 86400_000;
/** A date picked on the form as the end of that day's office hours, Beijing time. */
const endOfDay = (day: string) => `${day}T17:30:00+08:00`;

function CreateForm({ onCreated }: { onCreated: (contestId: string) => void }) {
  const [kind, setKind] = useState<ContestKind>('创新创优竞赛');
  const [title, setTitle] = useState('');
  const [submitEnd, setSubmitEnd] = useState(dateText(Date.now() + 14 * DAY));
  const [vote, setVote] = useState<'yes' | 'no'>('yes');
  const [voteEnd, setVoteEnd] = useState(dateText(Date.now() + 21 * DAY));
  const [publicWeight, setPublicWeight] = useState('30');
  const [judges, setJudges] = useState<string[]>([]);
  const [criteriaRows, setCriteriaRows] = useState(DEFAULT_CRITERIA);
  const roster = useRemote(useCallback(() => call('org', 'members', {}), []));
  const { busy, error, setError, submit } = useSave({ toast: '已创建' });
  const send = () => {
    const w = Number(publicWeight);
    if (!title.trim()) return setError('请填写竞赛名称');
    const criteria = criteriaOf(criteriaRows);
    if ('error' in criteria) return setError(criteria.error);
    if (judges.length === 0) return setError('请至少选择一名评委');
    if (vote === 'yes' && !(Number.isInteger(w) && w >= 0 && w < 100))
      return setError('群众投票权重应为 0 到 99 的整数');
    void submit(
      () =>
        call('contest', 'create', {
          kind,
          title,
          submitStartAt: new Date().toISOString(),
          submitEndAt: endOfDay(submitEnd),
          criteria: criteria.criteria,
          judgeIds: judges,
          ...(vote === 'yes' ? { publicVote: { startAt: endOfDay(submitEnd), endAt: endOfDay(voteEnd) } } : {}),
          weights: vote === 'yes' ? { panel: 100 - w, public: w } : { panel: 100, public: 0 },
        }),
      ({ contestId }) => onCreated(contestId),
    );
  };
  return (
    <View className="card contests-admin__form">
      <View className="card__title">新建评比</View>
      <Segmented options={plainOptions(CONTEST_KINDS)} value={kind} onChange={setKind} />
      <TextField label="竞赛名称" name="title" value={title} onChange={setTitle} maxLength={60} />
      <TimeField label="征集截止日期（当天 17:30）" mode="date" value={submitEnd} onChange={setSubmitEnd} />
      <CriteriaEditor rows={criteriaRows} onChange={setCriteriaRows} />
      <View className="field">
        <Text className="field__label">群众投票（征集截止后开始，每人每天一票）</Text>
        <Segmented
          options={[
            { value: 'yes', label: '有' },
            { value: 'no', label: '无' },
          ]}
          value={vote}
          onChange={setVote}
        />
      </View>
      {vote === 'yes' && (
        <>
          <TimeField label="投票截止日期（当天 17:30）" mode="date" value={voteEnd} onChange={setVoteEnd} />
          <TextField
            label="群众投票权重（%，其余为评委评分）"
            name="publicWeight"
            type="digit"
            value={publicWeight}
            onChange={setPublicWeight}
            maxLength={2}
          />
        </>
      )}
      <View className="field">
        <Text className="field__label">评委（已选 {judges.length} 名；评委不评本单位项目）</Text>
        <LoadState state={roster} variant="inline" loadingText="正在读取名册…">
          {({ members }) => (
            <CheckList
              items={members.map((m) => ({ value: m.memberId, label: m.name }))}
              picked={judges}
              onChange={setJudges}
            />
          )}
        </LoadState>
      </View>
      <FormActions
        error={error}
        busy={busy}
        submitText="创建"
        submitClassName="contests-admin__create"
        onSubmit={send}
      />
    </View>
  );
}

function Manage({ c, reloadList }: { c: ContestSummary; reloadList: () => void }) {
  const progress = useRemote(useCallback(() => call('contest', 'progress', { contestId: c.contestId }), [c.contestId]));
  const results = useRemote(useCallback(() => call('contest', 'results', { contestId: c.contestId }), [c.contestId]));
  const reload = () => {
    progress.reload();
    results.reload();
    reloadList();
  };
  const act = useSave({ onDone: reload, errorToast: true });
  const [editingCriteria, setEditingCriteria] = useState(false);
  const confirmThen = async (title: string, content: string, run: () => Promise<unknown>, toast: string) => {
    const { confirm } = await Taro.showModal({ title, content });
    if (confirm) void act.submit(run, () => Taro.showToast({ title: toast, icon: 'success' }));
  };
  const download = () =>
    void act.submit(
      () => call('contest', 'export', { contestId: c.contestId }),
      ({ url }) => Taro.setClipboardData({ data: url }).catch(() => undefined),
    );
  return (
    <View className="card contests-admin__manage">
      <View className="card__title">{c.title}</View>
      <Text className="contest-meta">{contestWhen(c)}</Text>
      <View className="contests-admin__actions">
        {c.stage === 'submitting' && (
          <Button
            className="contests-admin__close"
            size="large"
            onClick={() =>
              void confirmThen(
                '截止征集',
                '现在截止征集后各单位不能再提交或修改参赛项目，评委即可评分，群众投票同时开始。',
                () => call('contest', 'close', { contestId: c.contestId }),
                '已截止征集',
              )
            }
          >
            截止征集
          </Button>
        )}
        {c.stage === 'judging' && (
          <Button
            className="contests-admin__publish"
            type="primary"
            size="large"
            onClick={() =>
              void confirmThen(
                '公布结果',
                '按当前评分和票数公布排名，公布后不能再评分、投票或撤回。确定公布吗？',
                () => call('contest', 'publish', { contestId: c.contestId }),
                '已公布',
              )
            }
          >
            公布结果
          </Button>
        )}
        {(c.stage === 'upcoming' || c.stage === 'submitting') && !editingCriteria && (
          <Button className="contests-admin__criteria" size="large" onClick={() => setEditingCriteria(true)}>
            修改评分项
          </Button>
        )}
        <Button className="contests-admin__export" size="large" loading={act.busy} onClick={download}>
          导出 Excel
        </Button>
      </View>
      {editingCriteria && <CriteriaEdit contestId={c.contestId} onClose={() => setEditingCriteria(false)} />}
      <View className="card__title">评委评分进度</View>
      <LoadState state={progress} variant="inline" loadingText="正在读取进度…">
        {(p) => (
          <>
            {p.judges.map((j) => (
              <View key={j.memberId} className="contests-admin__judge">
                <Text className="contests-admin__judge-name">
                  {j.name}（{j.orgName}）
                </Text>
                <Text className={j.scored >= j.assigned ? 'contests-admin__done' : 'contests-admin__todo'}>
                  {j.scored}/{j.assigned}
                </Text>
              </View>
            ))}
          </>
        )}
      </LoadState>
      <View className="card__title">{c.stage === 'published' ? '已公布的结果' : '当前结果（未公布，仅工委可见）'}</View>
      <LoadState state={results} variant="inline" loadingText="正在统计…">
        {(r) => (
          <>
            {r.flags && r.flags.length > 0 && (
              <View className="contests-admin__flags">
                {r.flags.map((f) => (
                  <Text key={`${f.entryId}${f.startAt}`} className="contests-admin__flag">
                    集中投票：{f.orgName} {dayTimeText(f.startAt)} 起 10 分钟内 {f.count} 票，占其得票{' '}
                    {Math.round(f.share * 100)}%
                  </Text>
                ))}
              </View>
            )}
            <ContestResultList results={r} />
          </>
        )}
      </LoadState>
    </View>
  );
}

function Contests() {
  const list = useRemote(useCallback(() => call('contest', 'list', {}), []));
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <>
      {creating ? (
        <CreateForm
          onCreated={(id) => {
            setCreating(false);
            setPicked(id);
            list.reload();
          }}
        />
      ) : (
        <Button className="contests-admin__new" type="primary" size="large" block onClick={() => setCreating(true)}>
          新建评比
        </Button>
      )}
      <LoadState state={list} loadingText="正在加载评比…">
        {({ contests }) => {
          const current = contests.find((c) => c.contestId === picked);
          return (
            <>
              {current && <Manage key={current.contestId} c={current} reloadList={list.reload} />}
              <View className="card">
                <View className="card__title">全部评比</View>
                {contests.length === 0 ? (
                  <Text className="muted">还没有评比。</Text>
                ) : (
                  contests.map((c) => (
                    <View
                      key={c.contestId}
                      className={`contest-row${c.contestId === picked ? ' contests-admin__row--on' : ''}`}
                      onClick={() => setPicked(c.contestId)}
                    >
                      <View className="contest-row__main">
                        <Text className="contest-row__title">{c.title}</Text>
                        <Text className="contest-row__meta">
                          {c.kind} · {c.entryCount} 个项目 · {contestWhen(c)}
                        </Text>
                      </View>
                      <Text className={`contest-stage contest-stage--${c.stage}`}>
                        {c.voteOpen ? '投票中' : CONTEST_STAGE_LABELS[c.stage]}
                      </Text>
                    </View>
                  ))
                )}
              </View>
            </>
          );
        }}
      </LoadState>
    </>
  );
}

export default function ContestsAdminPage() {
  return (
    <AdminGate page="contests" className="contests-admin">
      {() => (
        <>
          <AdminHead
            title="创新创优竞赛"
            sub="机关工作创新创优竞赛、效能典型案例评比：征集、评委评分、群众投票、公布"
          />
          <Contests />
        </>
      )}
    </AdminGate>
  );
}
