// 测评管理 (?id=): enter 明察暗访 / 第三方 scores per department, count now, publish or withdraw, see the flags and
// the full result table, read the public's comments, export to Excel.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { RatingResultsView } from '@/components/rating-results';
import type { CampaignDetail, RatingResults } from '@/domain/api';
import { bothStates, useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { useSave } from '@/hooks/use-save';
import { dateText, dateTimeText, shortDateTimeText } from '@/utils/time';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { Segmented } from '../shared/segmented';
import { Comments } from './comments';
import '../rating/index.scss';

type Source = 'inspection' | 'survey';
const SOURCES = [
  { value: 'inspection' as const, label: '明察暗访' },
  { value: 'survey' as const, label: '第三方' },
];

interface ScoreEntryProps {
  campaign: CampaignDetail;
  /** Held by the parent so that the chosen source survives the reload after saving. */
  source: Source;
  onSource: (s: Source) => void;
  onSaved: () => void;
}

function ScoreEntry({ campaign, source, onSource, onSaved }: ScoreEntryProps) {
  const current = (s: Source) =>
    Object.fromEntries(
      campaign.departments.map((d) => {
        const v = campaign.external?.[d.departmentId]?.[s]?.score;
        return [d.departmentId, v === undefined ? '' : String(v)];
      }),
    );
  const [values, setValues] = useState<Record<string, string>>(() => current(source));
  const { busy, error, setError, submit } = useSave({ toast: '已保存', onDone: onSaved });

  const switchSource = (s: Source) => {
    onSource(s);
    setValues(current(s));
    setError(null);
  };

  const save = () => {
    const scores: Array<{ departmentId: string; score: number | null }> = [];
    for (const d of campaign.departments) {
      const raw = (values[d.departmentId] ?? '').trim();
      const had = campaign.external?.[d.departmentId]?.[source] !== undefined;
      if (raw === '') {
        if (had) scores.push({ departmentId: d.departmentId, score: null });
        continue;
      }
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0 || n > 100) return setError(`${d.name}的得分应为 0–100 之间的数`);
      scores.push({ departmentId: d.departmentId, score: n });
    }
    if (scores.length === 0) return setError('请至少填写一个部门的得分');
    void submit(() => call('rating', 'enterScores', { campaignId: campaign.campaignId, source, scores }));
  };

  return (
    <View className="card">
      <View className="card__title">录入得分（0–100）</View>
      <Segmented options={SOURCES} value={source} onChange={switchSource} />
      {campaign.departments.map((d) => {
        const entered = campaign.external?.[d.departmentId]?.[source];
        return (
          <View key={d.departmentId} className="rating-admin__score">
            <View className="rating-admin__score-name">
              <Text>{d.name}</Text>
              {entered && (
                <Text className="rating-admin__score-by">
                  {entered.enteredByName ?? '管理员'} 录入于 {shortDateTimeText(entered.enteredAt)}
                </Text>
              )}
            </View>
            <View className="field__box rating-admin__score-box">
              <Input
                className={`rating-admin__input-${d.departmentId}`}
                value={values[d.departmentId] ?? ''}
                onChange={(v) => setValues({ ...values, [d.departmentId]: v })}
                type="digit"
                maxLength={6}
                placeholder="未录入"
              />
            </View>
          </View>
        );
      })}
      <FormActions
        error={error}
        busy={busy}
        submitText={`保存${SOURCES.find((s) => s.value === source)?.label ?? ''}得分`}
        submitClassName="rating-admin__save"
        onSubmit={save}
      />
    </View>
  );
}

function Flags({ campaign, results }: { campaign: CampaignDetail; results: RatingResults }) {
  const names = new Map(campaign.departments.map((d) => [d.departmentId, d.name]));
  const bursts = results.flags?.bursts ?? [];
  const same = results.flags?.nearIdentical ?? [];
  return (
    <View className="card">
      <View className="card__title">异常标记</View>
      {bursts.length === 0 && same.length === 0 && <Text className="muted">未发现短时集中评价或高度雷同的评价。</Text>}
      {bursts.map((b) => (
        <View key={`b-${b.departmentId}-${b.startMs}`} className="rating-admin__flag">
          短时集中：{names.get(b.departmentId) ?? b.departmentId} 在 {dateTimeText(b.startMs)} 起 10 分钟内收到{' '}
          {b.count} 条评价（占 {Math.round(b.share * 100)}%）
        </View>
      ))}
      {same.map((n) => (
        <View key={`s-${n.departmentId}`} className="rating-admin__flag">
          高度雷同：{names.get(n.departmentId) ?? n.departmentId} 的 {n.votes} 条评价中 {Math.round(n.share * 100)}%
          完全相同
        </View>
      ))}
    </View>
  );
}

function Manage({
  campaign,
  results,
  reload,
}: {
  campaign: CampaignDetail;
  results: RatingResults;
  reload: () => void;
}) {
  const [source, setSource] = useState<Source>('inspection');
  const action = useSave({ onDone: reload });
  // Which of the buttons is running, for its spinner; the hook keeps the busy flag and the error line.
  const [running, setRunning] = useState<string | null>(null);
  const run = (name: string, job: () => Promise<void>) => () => {
    setRunning(name);
    void action.submit(job);
  };
  const loading = (name: string) => action.busy && running === name;
  const recount = run('count', async () => {
    await call('ranking', 'run', { campaignId: campaign.campaignId });
    Taro.showToast({ title: '已重新统计', icon: 'success' });
  });
  const publish = run('publish', async () => {
    // Both change what the public sees at once: asked first, never done by one stray tap.
    const { confirm } = await Taro.showModal(
      results.published
        ? {
            title: '撤回公布',
            content: '撤回后群众在测评页看不到排名和得分，可以再次公布。',
            confirmText: '撤回',
            confirmColor: '#c8161d',
          }
        : {
            title: '统计并公布结果',
            content: '现在统计全部评价，并把排名和得分公布给群众。公布前请先核实异常标记。',
            confirmText: '公布',
          },
    );
    if (!confirm) return;
    await call('rating', 'publish', { campaignId: campaign.campaignId, published: !results.published });
    Taro.showToast({ title: results.published ? '已撤回' : '已公布', icon: 'success' });
  });
  const exportFile = run('export', async () => {
    const out = await call('rating', 'export', { campaignId: campaign.campaignId });
    await openExport(out.url, out.fileName);
  });

  return (
    <>
      <AdminHead
        title={campaign.title}
        sub={`${dateText(campaign.startAt)} 至 ${dateText(campaign.endAt)} · 共 ${results.totalVotes} 人次评价 · ${results.published ? '结果已公布' : '结果未公布'}`}
      />
      <View className="card">
        <View className="rating-admin__buttons">
          <Button
            className="rating-admin__publish"
            type="primary"
            loading={loading('publish')}
            disabled={action.busy}
            onClick={publish}
          >
            {results.published ? '撤回公布' : '统计并公布结果'}
          </Button>
          <Button fill="outline" loading={loading('count')} disabled={action.busy} onClick={recount}>
            重新统计
          </Button>
          <Button fill="outline" loading={loading('export')} disabled={action.busy} onClick={exportFile}>
            导出 Excel
          </Button>
        </View>
        {action.error && <View className="form-error">{action.error}</View>}
        <Text className="rating-admin__link">
          评价人数每 10 分钟自动统计一次
          {results.computedAt && (
            <>
              ，上次统计 <Text className="nowrap">{dateTimeText(results.computedAt)}</Text>
            </>
          )}
          。
        </Text>
      </View>
      <ScoreEntry
        key={JSON.stringify(campaign.external ?? {})}
        campaign={campaign}
        source={source}
        onSource={setSource}
        onSaved={reload}
      />
      <Flags campaign={campaign} results={results} />
      <RatingResultsView results={results} showMissing />
      <Comments campaign={campaign} />
    </>
  );
}

function CampaignAdmin({ id }: { id: string }) {
  const getCampaign = useCallback(() => call('rating', 'get', { campaignId: id }), [id]);
  const getResults = useCallback(() => call('rating', 'results', { campaignId: id }), [id]);
  const campaign = useRemote(getCampaign);
  const results = useRemote(getResults);
  const state = bothStates(campaign, results);
  // After a change both parts load again (bothStates.reload only retries what failed).
  const reload = () => {
    campaign.reload();
    results.reload();
  };
  return (
    <LoadState state={state}>
      {([campaign, results]) => <Manage campaign={campaign} results={results} reload={reload} />}
    </LoadState>
  );
}

export default function RatingCampaignPage() {
  const id = useRouter().params.id ?? '';
  return <AdminGate page="rating">{() => <CampaignAdmin id={id} />}</AdminGate>;
}
