// 微信测评: without ?id the list of campaigns; with ?id= one campaign: choose a department, rate each indicator on
// the 5-level scale, add an optional comment. A second rating of a department replaces the first.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import type { CampaignDetail, CampaignSummary } from '@/domain/api';
import { RATING_LEVELS } from '@/domain/rating';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { dateTimeText } from '@/utils/time';
import './index.scss';

const STATUS_LABELS: Record<CampaignSummary['status'], string> = {
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
};

function CampaignList({ campaigns }: { campaigns: CampaignSummary[] }) {
  return (
    <>
      <View className="rating-hero">
        <Text className="rating-hero__title">政风行风评议</Text>
        <Text className="rating-hero__sub">请为市直部门的工作作风打分，每个部门每人一票，可修改。</Text>
      </View>
      {campaigns.length === 0 && (
        <View className="card">
          <Text className="muted">目前没有测评活动。</Text>
        </View>
      )}
      {campaigns.map((c) => (
        <View
          key={c.campaignId}
          className="card rating-campaign"
          onClick={() =>
            Taro.navigateTo({
              url:
                c.status === 'open' || !c.published
                  ? `/pages/rating/index?id=${c.campaignId}`
                  : `/pages/rating-results/index?id=${c.campaignId}`,
            })
          }
        >
          <View className="rating-campaign__head">
            <Text className="rating-campaign__title">{c.title}</Text>
            <Text className={`rating-status rating-status--${c.status}`}>{STATUS_LABELS[c.status]}</Text>
          </View>
          <Text className="rating-campaign__meta">
            {dateTimeText(c.startAt)} 至 {dateTimeText(c.endAt)} · {c.departmentCount} 个部门
          </Text>
          <Text className="rating-campaign__link">
            {c.status === 'open'
              ? `点击参加评价${c.published ? '（结果已公布）' : ''}`
              : c.published
                ? '结果已公布，点击查看'
                : ''}
          </Text>
        </View>
      ))}
    </>
  );
}

interface FormProps {
  campaign: CampaignDetail;
  departmentId: string;
  onDone: (replaced: boolean) => void;
  onCancel: () => void;
}

function RatingForm({ campaign, departmentId, onDone, onCancel }: FormProps) {
  const before = campaign.mine[departmentId];
  const [scores, setScores] = useState<Record<string, number>>(before?.scores ?? {});
  const [comment, setComment] = useState(before?.comment ?? '');
  const { busy, error, setError, submit: send } = useSave();
  const department = campaign.departments.find((d) => d.departmentId === departmentId);

  const submit = () => {
    const missing = campaign.indicators.filter((i) => !scores[i.key]);
    if (missing.length) return setError(`请为“${missing.map((i) => i.name).join('、')}”选择评价`);
    const c = comment.trim();
    void send(
      () =>
        call('rating', 'rate', { campaignId: campaign.campaignId, departmentId, scores, ...(c ? { comment: c } : {}) }),
      ({ replaced }) => onDone(replaced),
    );
  };

  return (
    <View className="rating-form">
      <View className="card">
        <Text className="rating-form__dept">{department?.name}</Text>
        <Text className="muted">{before ? '您已评价过该部门，再次提交将替换原评价。' : '请逐项选择您的评价。'}</Text>
      </View>
      {campaign.indicators.map((ind) => (
        <View key={ind.key} className="card rating-indicator">
          <Text className="rating-indicator__name">{ind.name}</Text>
          <View className="rating-levels">
            {RATING_LEVELS.map((l) => (
              <View
                key={l.level}
                className={`rating-level rating-level--${l.level}${scores[ind.key] === l.level ? ' rating-level--on' : ''}`}
                onClick={() => setScores({ ...scores, [ind.key]: l.level })}
              >
                {/* Four-character labels in two balanced lines (基本/满意), not a broken last character. */}
                {(l.label.length === 4 ? [l.label.slice(0, 2), l.label.slice(2)] : [l.label]).map((part) => (
                  <Text key={part} className="rating-level__part">
                    {part}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        </View>
      ))}
      <View className="card">
        <Text className="rating-indicator__name">意见建议（选填）</Text>
        <View className="field__box rating-comment">
          <Textarea
            className="rating-comment__input"
            value={comment}
            maxlength={300}
            placeholder="可以写下您办事时的经历和建议"
            onInput={(e) => setComment(e.detail.value)}
          />
        </View>
      </View>
      <FormActions
        error={error}
        busy={busy}
        submitText="提交评价"
        submitClassName="rating-submit"
        onSubmit={submit}
        cancelText="返回"
        onCancel={onCancel}
        submitFlex={2}
      />
    </View>
  );
}

function Campaign({ campaign, reload }: { campaign: CampaignDetail; reload: () => void }) {
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = campaign.status === 'open';
  const rated = campaign.departments.filter((d) => campaign.mine[d.departmentId]).length;
  // In a servedOnly campaign only the departments that answered the caller's 民声热线 tickets can be rated.
  const served = new Set(campaign.servedDepartmentIds ?? []);
  const mayRate = (departmentId: string) => open && (!campaign.servedOnly || served.has(departmentId));

  if (departmentId) {
    return (
      <RatingForm
        campaign={campaign}
        departmentId={departmentId}
        onCancel={() => setDepartmentId(null)}
        onDone={(replaced) => {
          const name = campaign.departments.find((d) => d.departmentId === departmentId)?.name ?? '';
          setNotice(replaced ? `已更新对${name}的评价，谢谢！` : `已提交对${name}的评价，谢谢！`);
          setDepartmentId(null);
          Taro.showToast({ title: '评价已提交', icon: 'success' });
          Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
          reload();
        }}
      />
    );
  }
  return (
    <>
      <View className="rating-hero">
        <Text className="rating-hero__title">{campaign.title}</Text>
        <Text className="rating-hero__sub">
          {dateTimeText(campaign.startAt)} 至 {dateTimeText(campaign.endAt)} · {STATUS_LABELS[campaign.status]}
        </Text>
        {campaign.description && <Text className="rating-hero__sub">{campaign.description}</Text>}
      </View>
      {notice && <View className="rating-notice">{notice}</View>}
      <View className="card">
        <View className="card__title">{open ? '请选择要评价的部门' : '参评部门'}</View>
        <Text className="muted">
          {open
            ? `已评价 ${rated} / ${campaign.departments.length} 个部门`
            : campaign.status === 'upcoming'
              ? '测评尚未开始。'
              : '测评已结束。'}
        </Text>
        {campaign.servedOnly && open && (
          <Text className="rating-served">
            本次测评只请在该部门办过事的群众评价：您在“民声热线”反映的问题由哪个部门答复，就可以评价哪个部门。
          </Text>
        )}
        {campaign.departments.map((d) => (
          <View
            key={d.departmentId}
            className={`rating-dept${mayRate(d.departmentId) ? '' : ' rating-dept--off'}`}
            onClick={() => {
              if (!mayRate(d.departmentId)) return;
              setNotice(null);
              setDepartmentId(d.departmentId);
            }}
          >
            <Text className="rating-dept__name">{d.name}</Text>
            <Text className={`rating-dept__state${campaign.mine[d.departmentId] ? ' rating-dept__state--done' : ''}`}>
              {campaign.mine[d.departmentId]
                ? '已评价'
                : mayRate(d.departmentId)
                  ? '去评价'
                  : open && campaign.servedOnly
                    ? '未在该部门办事'
                    : ''}
            </Text>
          </View>
        ))}
      </View>
      {campaign.published && (
        <Button
          className="rating-results-link"
          size="large"
          fill="outline"
          block
          onClick={() => Taro.navigateTo({ url: `/pages/rating-results/index?id=${campaign.campaignId}` })}
        >
          查看测评结果
        </Button>
      )}
    </>
  );
}

function CampaignPage({ id }: { id: string }) {
  const fetcher = useCallback(() => call('rating', 'get', { campaignId: id }), [id]);
  const state = useRemote(fetcher);
  return <LoadState state={state}>{(c) => <Campaign campaign={c} reload={state.reload} />}</LoadState>;
}

function ListPage() {
  const fetcher = useCallback(() => call('rating', 'list', {}), []);
  const state = useRemote(fetcher);
  return <LoadState state={state}>{(d) => <CampaignList campaigns={d.campaigns} />}</LoadState>;
}

export default function RatingPage() {
  const id = useRouter().params.id;
  return <PageShell>{id ? <CampaignPage id={id} /> : <ListPage />}</PageShell>;
}
