// 民主评议 for the secretary: the branch's ballots (one a year) with their phase, and the form that opens this year's:
// the voting window and the members assessed (every member of the branch votes).
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { OrgRow, ReviewSummary } from '@/domain/api';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { REVIEW_PHASE_LABELS } from '@/utils/orglife';
import { beijingYear, dateText, dayTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { CheckList } from '../shared/check-list';
import { defaultOrgId, pickableOrgs } from '../shared/org-year-picker';
import { SelectField } from '../shared/select-field';
import { TimeField } from '../shared/time-field';
import './index.scss';

const DAY_MS = 86400_000;
const iso = (day: string, time: string) => `${day}T${time}:00+08:00`;

function OpenForm({ orgId, year, onDone }: { orgId: string; year: number; onDone: (reviewId: string) => void }) {
  const roster = useRemote(useCallback(() => call('org', 'members', { orgId }), [orgId]));
  const [startDay, setStartDay] = useState(() => dateText(Date.now()));
  const [startTime, setStartTime] = useState('08:00');
  const [endDay, setEndDay] = useState(() => dateText(Date.now() + 7 * DAY_MS));
  const [endTime, setEndTime] = useState('18:00');
  const [picked, setPicked] = useState<string[] | null>(null);
  const { busy, error, setError, submit } = useSave({ toast: '已发起' });

  const save = (all: string[]) => {
    const chosen = picked ?? all;
    if (chosen.length === 0) return setError('请至少选择一名参评党员');
    const startAt = iso(startDay, startTime);
    const endAt = iso(endDay, endTime);
    if (Date.parse(endAt) <= Date.parse(startAt)) return setError('结束时间应晚于开始时间');
    void submit(
      () =>
        call('orglife', 'openReview', {
          orgId,
          year,
          startAt,
          endAt,
          memberIds: chosen.length === all.length ? undefined : chosen,
        }),
      ({ reviewId }) => onDone(reviewId),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">发起 {year} 年度民主评议党员</View>
      <View className="reviews-pair">
        <TimeField label="投票开始日期" mode="date" value={startDay} onChange={setStartDay} />
        <TimeField label="开始时间" mode="time" value={startTime} onChange={setStartTime} />
      </View>
      <View className="reviews-pair">
        <TimeField label="投票结束日期" mode="date" value={endDay} onChange={setEndDay} />
        <TimeField label="结束时间" mode="time" value={endTime} onChange={setEndTime} />
      </View>
      <LoadState state={roster} variant="inline" loadingText="正在读取支部名册…">
        {({ members }) => {
          const all = members.map((m) => m.memberId);
          const chosen = picked ?? all;
          return (
            <>
              <View className="field">
                <Text className="field__label">
                  参评党员（已选 {chosen.length} / {all.length} 人）
                </Text>
                <CheckList
                  items={members.map((m) => ({ value: m.memberId, label: m.name }))}
                  picked={chosen}
                  onChange={setPicked}
                />
              </View>
              <Text className="card__hint">
                本支部全体党员（{all.length}{' '}
                人）参加投票，每人对每名参评党员评“优秀、合格、基本合格、不合格”，对自己为自评。
                投票不记名，任何人（包括书记）都看不到谁投了什么；投票人数达到三分之二评议才有效。
              </Text>
              <FormActions
                error={error}
                busy={busy}
                submitText="发起民主评议"
                submitClassName="reviews-open"
                onSubmit={() => save(all)}
              />
            </>
          );
        }}
      </LoadState>
    </View>
  );
}

function Row({ r }: { r: ReviewSummary }) {
  return (
    <View
      className="admin-list__row reviews-row"
      onClick={() => Taro.navigateTo({ url: `/admin/review/index?reviewId=${encodeURIComponent(r.reviewId)}` })}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{r.year} 年度民主评议党员</Text>
        <Text className="admin-list__meta">
          投票 {dayTimeText(r.startAt)} 至 {dayTimeText(r.endAt)} · 参评 {r.assessed} 人 · 投票人 {r.electorate} 人
        </Text>
      </View>
      <Text className={`reviews-phase reviews-phase--${r.phase}`}>
        {r.proposed ? '已出结果' : REVIEW_PHASE_LABELS[r.phase]}
      </Text>
    </View>
  );
}

function Branch({ org }: { org: OrgRow }) {
  const year = beijingYear(Date.now());
  const list = useRemote(useCallback(() => call('orglife', 'reviews', { orgId: org.orgId }), [org.orgId]));
  useReloadOnReturn(list.reload);
  const [opening, setOpening] = useState(false);
  return (
    <LoadState state={list} loadingText="正在读取民主评议…">
      {({ reviews }) => {
        const hasThisYear = reviews.some((r) => r.orgId === org.orgId && r.year === year);
        return (
          <>
            {opening ? (
              <OpenForm
                orgId={org.orgId}
                year={year}
                onDone={(reviewId) => {
                  setOpening(false);
                  list.reload();
                  void Taro.navigateTo({ url: `/admin/review/index?reviewId=${encodeURIComponent(reviewId)}` });
                }}
              />
            ) : (
              !hasThisYear && (
                <View className="card">
                  <Text className="card__hint">
                    {org.name}还没有发起 {year} 年度的民主评议。
                  </Text>
                  <View className="actions">
                    <Button className="reviews-new" type="primary" size="large" onClick={() => setOpening(true)}>
                      发起民主评议
                    </Button>
                  </View>
                </View>
              )
            )}
            <View className="card">
              <View className="card__title">历年民主评议</View>
              {reviews.length === 0 && <Text className="muted">还没有民主评议。</Text>}
              {reviews.map((r) => (
                <Row key={r.reviewId} r={r} />
              ))}
            </View>
          </>
        );
      }}
    </LoadState>
  );
}

function Reviews({ me, directory }: AdminContext) {
  const parents = new Set(directory.orgs.map((o) => o.parentId));
  // 民主评议 is held per 党支部: an org without branches below it.
  const branches = pickableOrgs(me.roles, directory.orgs).filter((o) => !parents.has(o.orgId));
  const [orgId, setOrgId] = useState(() => {
    const d = defaultOrgId(undefined, me.roles, directory.orgs);
    return branches.some((b) => b.orgId === d) ? d : branches[0]?.orgId;
  });
  const org = branches.find((b) => b.orgId === orgId);
  return (
    <>
      {branches.length > 1 && (
        <View className="card">
          <SelectField
            label="支部"
            options={branches.map((o) => ({ value: o.orgId, label: o.name }))}
            value={orgId ?? ''}
            onChange={setOrgId}
          />
        </View>
      )}
      {org ? (
        <Branch key={org.orgId} org={org} />
      ) : (
        <View className="card">
          <Text className="muted">还没有可管理的党支部。</Text>
        </View>
      )}
    </>
  );
}

export default function ReviewsPage() {
  return <AdminGate page="reviews">{(ctx) => <Reviews {...ctx} />}</AdminGate>;
}
