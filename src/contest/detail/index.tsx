// One competition: its rules and entries; 投票 while the public vote is open (one a day); the caller's unit's entry
// while entries are collected (a secretary); 去评分 for a judge; and the ranked list once the 工委 has published it.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { NoticeAttachmentInput } from '@/components/notice-files';
import { NoticeFiles } from '@/components/notice-files';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { TextField } from '@/components/text-field';
import type { ContestDetail, ContestEntry } from '@/domain/api/contest';
import { CONTEST_SUMMARY_MAX } from '@/domain/api/contest';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { queryParam } from '@/utils/orglife';
import { ContestResultList } from '../results';
import { CONTEST_STAGE_LABELS, contestWhen } from '../stage';
import '../contest.scss';

function EntryCard({ e, c, reload }: { e: ContestEntry; c: ContestDetail; reload: () => void }) {
  const { busy, submit } = useSave({ toast: '投票成功', onDone: reload, errorToast: true });
  const mine = c.votedToday === e.entryId;
  return (
    <View className="contest-entry">
      <Text className="contest-entry__title">{e.title}</Text>
      <Text className="contest-entry__org">{e.orgName}</Text>
      <Text className="contest-entry__summary">{e.summary}</Text>
      {e.attachments.map((a) => (
        <Text key={a.fileID} className="contest-entry__file">
          附件：{a.name}
        </Text>
      ))}
      {c.voteOpen && (
        <Button
          className="contest-entry__vote"
          type={mine ? 'default' : 'primary'}
          size="large"
          block
          loading={busy}
          disabled={busy || c.votedToday !== null}
          onClick={() => void submit(() => call('contest', 'vote', { contestId: c.contestId, entryId: e.entryId }))}
        >
          {mine ? '今天已投此项目' : c.votedToday ? '今天已投票' : '投它一票'}
        </Button>
      )}
    </View>
  );
}

function EntryForm({ c, orgId, reload }: { c: ContestDetail; orgId: string; reload: () => void }) {
  const existing = c.entries.find((e) => e.orgId === orgId);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [files, setFiles] = useState<NoticeAttachmentInput[]>(
    existing?.attachments.map(({ fileID, name }) => ({ fileID, name })) ?? [],
  );
  const { busy, error, setError, submit } = useSave({ toast: existing ? '已修改' : '已提交', onDone: reload });
  const send = () => {
    if (!title.trim()) return setError('请填写项目名称');
    if (!summary.trim()) return setError('请填写项目简介');
    void submit(() => call('contest', 'submit', { contestId: c.contestId, orgId, title, summary, attachments: files }));
  };
  return (
    <View className="card contest-form">
      <View className="card__title">{existing ? '本单位参赛项目（征集截止前可修改）' : '报送本单位参赛项目'}</View>
      <TextField label="项目名称" name="title" value={title} onChange={setTitle} maxLength={60} />
      <TextField
        multiline
        label="项目简介（做法、成效）"
        className="contest-form__summary"
        value={summary}
        onChange={setSummary}
        maxLength={CONTEST_SUMMARY_MAX}
        placeholder="主要做法、创新之处和取得的成效"
      />
      <View className="field">
        <Text className="field__label">附件（选填，最多 6 个）</Text>
        <NoticeFiles value={files} onChange={setFiles} onError={(e) => setError(e.message)} disabled={busy} />
      </View>
      <FormActions
        error={error}
        busy={busy}
        submitText={existing ? '保存修改' : '提交参赛项目'}
        submitClassName="contest-form__submit"
        onSubmit={send}
      />
    </View>
  );
}

function Detail({ c, reload }: { c: ContestDetail; reload: () => void }) {
  const published = useRemote(
    useCallback(
      () => (c.stage === 'published' ? call('contest', 'results', { contestId: c.contestId }) : Promise.resolve(null)),
      [c.contestId, c.stage],
    ),
  );
  return (
    <>
      <View className="card">
        <Text className={`contest-stage contest-stage--${c.stage}`}>
          {c.voteOpen ? '投票中' : CONTEST_STAGE_LABELS[c.stage]}
        </Text>
        <Text className="contest-title">{c.title}</Text>
        <Text className="contest-meta">
          {c.kind} · {contestWhen(c)}
        </Text>
        {c.description && <Text className="contest-desc">{c.description}</Text>}
        <Text className="contest-meta">评分项：{c.criteria.map((k) => `${k.name}（${k.weight}）`).join('、')}</Text>
        <Text className="contest-meta">评委：{c.judges.map((j) => j.name).join('、')}（本单位项目回避）</Text>
        {c.publicVote && (
          <Text className="contest-meta">
            群众投票占 {Math.round((100 * c.weights.public) / (c.weights.panel + c.weights.public))}%，每人每天一票
          </Text>
        )}
        {c.isJudge && c.stage === 'judging' && (
          <Button
            className="contest-judge-link"
            type="primary"
            size="large"
            block
            onClick={() => Taro.navigateTo({ url: `/contest/judge/index?id=${encodeURIComponent(c.contestId)}` })}
          >
            去评分
          </Button>
        )}
      </View>
      {c.canSubmitFor.map((orgId) => (
        <EntryForm key={orgId} c={c} orgId={orgId} reload={reload} />
      ))}
      {c.stage === 'published' && (
        <View className="card">
          <View className="card__title">评比结果</View>
          <LoadState state={published} variant="inline" loadingText="正在读取结果…">
            {(r) => (r ? <ContestResultList results={r} /> : null)}
          </LoadState>
        </View>
      )}
      <View className="card">
        <View className="card__title">参赛项目（{c.entryCount}）</View>
        {c.entries.length === 0 ? (
          <Text className="muted">
            {c.stage === 'submitting' || c.stage === 'upcoming' ? '征集截止后公开全部参赛项目。' : '没有参赛项目。'}
          </Text>
        ) : (
          c.entries.map((e) => <EntryCard key={e.entryId} e={e} c={c} reload={reload} />)
        )}
      </View>
    </>
  );
}

export default function ContestDetailPage() {
  const contestId = queryParam(useRouter().params.id);
  const state = useRemote(useCallback(() => call('contest', 'get', { contestId }), [contestId]));
  useReloadOnReturn(state.reload);
  return (
    <PageShell className="contest">
      <LoadState state={state} loadingText="正在加载评比…">
        {(c) => <Detail c={c} reload={state.reload} />}
      </LoadState>
    </PageShell>
  );
}
