// One 民主评议 for the secretary: participation while it runs (never how anyone voted), 提前结束, the counts per grade
// once closed, and each member's result proposed from them (a result other than the ballots' suggestion needs a note,
// e.g. the branch meeting's decision); saved results feed 评星定级.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { ReviewGrade, ReviewTally, TallyRow } from '@/domain/api';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { queryParam, REVIEW_PHASE_LABELS } from '@/utils/orglife';
import { REVIEW_GRADES } from '@/utils/points';
import { dayTimeText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import './index.scss';

interface Choice {
  grade: ReviewGrade | null;
  note: string;
}

function Participation({ t, reload }: { t: ReviewTally; reload: () => void }) {
  const closing = useSave({ toast: '投票已结束', onDone: reload, errorToast: true });
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '提前结束投票',
      content: `结束后不能再投票或修改选票。目前 ${t.voters}/${t.electorate} 人已投票${t.quorum ? '' : `，不足 ${t.required} 人评议无效`}。确定结束？`,
    });
    if (confirm) await closing.submit(() => call('orglife', 'closeReview', { reviewId: t.reviewId }));
  };
  const pct = t.electorate ? Math.round((t.voters / t.electorate) * 100) : 0;
  return (
    <View className="card">
      <Text className={`review-phase review-phase--${t.phase}`}>{REVIEW_PHASE_LABELS[t.phase]}</Text>
      <Text className="review-title">
        {t.orgName} · {t.year} 年度民主评议党员
      </Text>
      <Text className="review-meta">
        投票时间 {dayTimeText(t.startAt)} 至 {dayTimeText(t.endAt)}
      </Text>
      <View className="review-progress" ariaLabel={`已投票 ${t.voters} 人，共 ${t.electorate} 人`}>
        <View className="review-progress__bar" style={{ width: `${pct}%` }} />
      </View>
      <Text className="review-turnout">
        已投票 {t.voters} / {t.electorate} 人，至少需 {t.required} 人（三分之二）
        {t.quorum ? '，已达到' : '，尚未达到'}
      </Text>
      <Text className="card__hint">
        投票不记名：这里只显示投票人数，不显示谁投了票、投了什么；投票结束后才显示各等次票数。
      </Text>
      {t.phase !== 'closed' && (
        <View className="actions">
          <Button className="review-close" loading={closing.busy} disabled={closing.busy} onClick={close}>
            提前结束投票
          </Button>
        </View>
      )}
    </View>
  );
}

function GradePick({
  name,
  value,
  onChange,
}: {
  name: string;
  value: ReviewGrade | null;
  onChange: (g: ReviewGrade) => void;
}) {
  return (
    <Picker
      mode="selector"
      range={[...REVIEW_GRADES]}
      value={Math.max(0, value ? REVIEW_GRADES.indexOf(value) : 0)}
      onChange={(e) => onChange(REVIEW_GRADES[Number(e.detail.value)] ?? '合格')}
    >
      <View className="review-pick" ariaRole="button" ariaLabel={`${name}的评议结果：${value ?? '未定'}，点按修改`}>
        <Text className="review-pick__text">{value ?? '请选择'}</Text>
        <View className="select-field__caret" />
      </View>
    </Picker>
  );
}

function ResultRow({ row, choice, onChange }: { row: TallyRow; choice: Choice; onChange: (c: Choice) => void }) {
  const counts = row.counts ?? [0, 0, 0, 0];
  const differs = choice.grade !== null && choice.grade !== row.suggested;
  return (
    <View className="review-row">
      <View className="review-row__head">
        <Text className="review-row__name">{row.name}</Text>
        <GradePick name={row.name} value={choice.grade} onChange={(grade) => onChange({ ...choice, grade })} />
      </View>
      <View className="review-counts">
        {REVIEW_GRADES.map((g, i) => (
          <Text key={g} className={`review-counts__item${g === row.suggested ? ' review-counts__item--top' : ''}`}>
            {g} {counts[i]}
          </Text>
        ))}
      </View>
      {row.suggested && <Text className="review-row__hint">按票数建议：{row.suggested}</Text>}
      {differs && (
        <View className="field__box review-row__note">
          <Input
            name={`note-${row.memberId}`}
            value={choice.note}
            onChange={(note) => onChange({ ...choice, note })}
            placeholder="与建议不同，请写明理由（如支部党员大会决定）"
            maxLength={100}
            ariaLabel={`${row.name}的结果说明`}
            nativeProps={{ 'aria-label': `${row.name}的结果说明` }}
          />
        </View>
      )}
    </View>
  );
}

function Results({ t, reload }: { t: ReviewTally; reload: () => void }) {
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(t.rows.map((r) => [r.memberId, { grade: r.result ?? r.suggested, note: r.note ?? '' }])),
  );
  const { busy, error, setError, submit } = useSave({ toast: '已保存', onDone: reload });
  const proposed = t.rows.some((r) => r.result !== null);
  const save = () => {
    const results = t.rows.flatMap((r) => {
      const c = choices[r.memberId];
      return c?.grade ? [{ memberId: r.memberId, grade: c.grade, note: c.note.trim() || undefined }] : [];
    });
    if (results.length === 0) return setError('请为参评党员选择评议结果');
    void submit(() => call('orglife', 'propose', { reviewId: t.reviewId, results }));
  };
  if (!t.quorum)
    return (
      <View className="card">
        <View className="card__title">评议无效</View>
        <Text className="review-invalid">
          投票人数 {t.voters} 人，不足三分之二（{t.required}{' '}
          人），本次评议无效，不能提出评议结果。请组织未投票的党员补充投票后重新发起。
        </Text>
      </View>
    );
  return (
    <View className="card">
      <View className="card__title">计票结果与评议结果</View>
      <Text className="card__hint">
        默认取“建议”等次：过半数选票评为该等次或更好的最高等次。经支部党员大会研究与建议不同的，请写明理由。保存后计入“评星定级”。
      </Text>
      {t.rows.map((r) => (
        <ResultRow
          key={r.memberId}
          row={r}
          choice={choices[r.memberId] ?? { grade: null, note: '' }}
          onChange={(c) => setChoices((all) => ({ ...all, [r.memberId]: c }))}
        />
      ))}
      <FormActions
        error={error}
        busy={busy}
        submitText={proposed ? '更新评议结果' : '保存评议结果'}
        submitClassName="review-propose"
        onSubmit={save}
        cancelText="查看评星定级"
        onCancel={() =>
          Taro.navigateTo({ url: `/admin/stars/index?orgId=${encodeURIComponent(t.orgId)}&year=${t.year}` })
        }
      />
    </View>
  );
}

function Review({ reviewId }: { reviewId: string } & AdminContext) {
  const state = useRemote(useCallback(() => call('orglife', 'tally', { reviewId }), [reviewId]));
  return (
    <LoadState state={state} loadingText="正在计票…">
      {(t) => (
        <>
          <Participation t={t} reload={state.reload} />
          {t.phase === 'closed' && (
            <Results key={t.rows.map((r) => r.result ?? '').join()} t={t} reload={state.reload} />
          )}
        </>
      )}
    </LoadState>
  );
}

export default function ReviewPage() {
  const reviewId = queryParam(useRouter().params.reviewId);
  return <AdminGate page="reviews">{(ctx) => <Review reviewId={reviewId} {...ctx} />}</AdminGate>;
}
