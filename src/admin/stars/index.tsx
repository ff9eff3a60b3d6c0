// 评星定级: for one branch and year, each member's points, stars from points, the 民主评议 grade (editable: the
// changed rows are saved together) and the resulting stars; how many members have each star; the Excel export;
// for admins, 积分调整.
import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ReviewGrade, StarsRow, StarsView } from '@/domain/api';
import { ColumnChart } from '@/components/chart';
import { LoadState } from '@/components/load-state';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import { openExport } from '@/services/checkin-device';
import { REVIEW_GRADES, starColumns, starGlyphs } from '@/utils/points';
import { dateTimeText } from '@/utils/time';
import { isAdmin } from '@/utils/roles';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { askedYear, defaultOrgId, OrgYearPicker, pickableOrgs } from '../shared/org-year-picker';
import { AdjustPoints } from './adjust';
import './index.scss';

/** Most reviews per evaluate call (the contract's EVALUATE_MAX; not imported, to keep schema code out of the app). */
const EVALUATE_BATCH = 200;

const NOT_REVIEWED = '未评议';
const GRADE_OPTIONS: Array<ReviewGrade | null> = [null, ...REVIEW_GRADES];

type Edits = Record<string, ReviewGrade | null>;

function GradePicker({
  row,
  value,
  onChange,
}: {
  row: StarsRow;
  value: ReviewGrade | null;
  onChange: (g: ReviewGrade | null) => void;
}) {
  const index = GRADE_OPTIONS.indexOf(value);
  return (
    <Picker
      mode="selector"
      range={GRADE_OPTIONS.map((g) => g ?? NOT_REVIEWED)}
      value={Math.max(0, index)}
      onChange={(e) => onChange(GRADE_OPTIONS[Number(e.detail.value)] ?? null)}
    >
      <View
        className={`stars-grade${value ? ` stars-grade--${REVIEW_GRADES.indexOf(value)}` : ''}${value !== row.review ? ' stars-grade--changed' : ''}`}
        ariaRole="button"
        ariaLabel={`${row.name}的民主评议：${value ?? NOT_REVIEWED}，点按修改`}
      >
        <Text className="stars-grade__text">{value ?? NOT_REVIEWED}</Text>
        <View className="select-field__caret" />
      </View>
    </Picker>
  );
}

function Row({
  row,
  value,
  onChange,
}: {
  row: StarsRow;
  value: ReviewGrade | null;
  onChange: (g: ReviewGrade | null) => void;
}) {
  return (
    <View className="stars-row">
      <View className="stars-row__main">
        <Text className="stars-row__name">{row.name}</Text>
        <Text className="stars-row__meta">
          {row.points} 分 · 积分 {row.pointsStars} 星
        </Text>
        <Text className="stars-row__stars">
          {starGlyphs(row.stars)} <Text className="stars-row__stars-text">{row.stars} 星</Text>
        </Text>
        {row.reviewNote && <Text className="stars-row__note">评议说明：{row.reviewNote}</Text>}
      </View>
      {row.reviewFromBallot ? (
        // The branch's online 民主评议 decided it: changed only there, by the secretary's proposed result.
        <View
          className={`stars-grade stars-grade--${REVIEW_GRADES.indexOf(row.review ?? '合格')}`}
          ariaLabel={`${row.name}的民主评议：${row.review ?? NOT_REVIEWED}（投票评议结果）`}
        >
          <Text className="stars-grade__text">{row.review}</Text>
          <Text className="stars-row__note">投票评议</Text>
        </View>
      ) : (
        <GradePicker row={row} value={value} onChange={onChange} />
      )}
    </View>
  );
}

function Sheet({ view, reload, admin }: { view: StarsView; reload: () => void; admin: boolean }) {
  const [edits, setEdits] = useState<Edits>({});
  const saving = useSave({
    toast: '评议已保存',
    onDone: () => {
      setEdits({});
      reload();
    },
  });
  const exporting = useSave({ errorToast: true });
  const changed = view.rows.filter((r) => r.memberId in edits && edits[r.memberId] !== r.review);

  const save = () =>
    saving.submit(async () => {
      const reviews = changed.map((r) => ({ memberId: r.memberId, grade: edits[r.memberId] }));
      for (let i = 0; i < reviews.length; i += EVALUATE_BATCH) {
        await call('points', 'evaluate', {
          orgId: view.orgId,
          year: view.year,
          reviews: reviews.slice(i, i + EVALUATE_BATCH),
        });
      }
    });

  const doExport = () =>
    exporting.submit(
      () => call('points', 'exportStars', { orgId: view.orgId, year: view.year }),
      (out) => openExport(out.url, out.fileName),
    );

  return (
    <>
      <View className="card stars-summary">
        <View className="card__title">
          {view.orgName} · {view.year} 年
        </View>
        <ColumnChart title="各星级人数" columns={starColumns(view.starCounts)} caption="星级（柱上为人数）" />
        <Button
          className="stars-export"
          block
          fill="outline"
          loading={exporting.busy}
          disabled={exporting.busy}
          onClick={doExport}
        >
          导出 Excel
        </Button>
      </View>

      <View className="card stars-list">
        <View className="card__title">党员星级（{view.rows.length} 人）</View>
        <Text className="card__hint stars-list__hint">点按右侧“民主评议”选择等级，改完后点下方“保存评议”。</Text>
        {view.rows.length === 0 && <Text className="muted">本支部名册中还没有党员。</Text>}
        {view.rows.map((r) => (
          <Row
            key={r.memberId}
            row={r}
            value={r.memberId in edits ? edits[r.memberId] : r.review}
            onChange={(g) => setEdits((e) => ({ ...e, [r.memberId]: g }))}
          />
        ))}
      </View>

      {(changed.length > 0 || saving.error) && (
        <View className="stars-save">
          {saving.error && <View className="form-error">{saving.error}</View>}
          <View className="actions">
            <Button
              className="stars-save__submit"
              type="primary"
              size="large"
              loading={saving.busy}
              disabled={saving.busy || changed.length === 0}
              onClick={save}
              style={{ flex: 2 }}
            >
              保存评议（{changed.length} 人）
            </Button>
            <Button size="large" fill="outline" disabled={saving.busy} onClick={() => setEdits({})} style={{ flex: 1 }}>
              撤销修改
            </Button>
          </View>
        </View>
      )}

      {admin && <AdjustPoints view={view} onDone={reload} />}

      <View className="card stars-rule">
        <View className="card__title">评星规则</View>
        {view.rule.rule.map((line) => (
          <Text key={line} className="stars-rule__line">
            {line}
          </Text>
        ))}
        <Text className="card__hint">统计于 {dateTimeText(view.computedAt)}</Text>
      </View>
    </>
  );
}

function Stars({ me, directory }: AdminContext) {
  const params = useRouter().params;
  const orgs = pickableOrgs(me.roles, directory.orgs);
  const [orgId, setOrgId] = useState(() => defaultOrgId(params.orgId, me.roles, directory.orgs));
  const [year, setYear] = useState(() => askedYear(params.year));
  const state = useRemote(
    useCallback(() => (orgId ? call('points', 'stars', { orgId, year }) : Promise.resolve(null)), [orgId, year]),
  );
  return (
    <>
      <OrgYearPicker orgs={orgs} orgId={orgId} onOrg={setOrgId} year={year} onYear={setYear} />
      <LoadState state={state} loadingText="正在读取星级…">
        {(view) =>
          view === null ? (
            <View className="card">
              <Text className="muted">还没有可查看的支部。</Text>
            </View>
          ) : (
            <Sheet
              key={`${view.orgId}-${view.year}-${view.computedAt}`}
              view={view}
              reload={state.reload}
              admin={isAdmin(me.roles)}
            />
          )
        }
      </LoadState>
    </>
  );
}

export default function StarsPage() {
  return <AdminGate page="stars">{(ctx) => <Stars {...ctx} />}</AdminGate>;
}
