// 换届选举台账 (工委 and secretaries): every organisation in the caller's scope with its term, the overdue and those
// ending within 6 months first (one summary read on the server); each row opens the organisation's term and elections.
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { LoadState } from '@/components/load-state';
import type { TermRow } from '@/domain/api/register';
import { TERM_STATE_LABELS } from '@/domain/register';
import { useRemote } from '@/hooks/use-remote';
import { useReloadOnReturn } from '@/hooks/use-return';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { openExport } from '@/services/checkin-device';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import './index.scss';

function Row({ r }: { r: TermRow }) {
  return (
    <View
      className="admin-list__row terms__row"
      onClick={() => Taro.navigateTo({ url: `/admin/term-form/index?orgId=${encodeURIComponent(r.orgId)}` })}
    >
      <View className="admin-list__main">
        <Text className="admin-list__name">{r.orgName}</Text>
        <Text className="admin-list__meta">
          {r.endsOn ? (
            <>
              {`${r.orgKind} · 书记 ${r.secretaryName} · `}
              <Text className="nowrap">{r.electedOn}</Text>
              {` 选举，任期 ${r.termYears} 年`}
            </>
          ) : (
            '尚未登记本届任期'
          )}
        </Text>
        {r.endsOn && (
          <Text className="admin-list__meta terms__ends">
            {r.endsOn} 届满
            {r.remindedMonths ? ` · 已于 ${r.remindedOn} 提醒（届满前 ${r.remindedMonths} 个月）` : ''}
          </Text>
        )}
      </View>
      <Text className={`terms__state terms__state--${r.state}`}>{TERM_STATE_LABELS[r.state]}</Text>
    </View>
  );
}

function Register() {
  const state = useRemote(useCallback(() => call('register', 'terms', {}), []));
  useReloadOnReturn(state.reload);
  const exporting = useSave({ errorToast: true });
  const doExport = () =>
    exporting.submit(
      () => call('register', 'exportTerms', {}),
      (out) => openExport(out.url, out.fileName),
    );
  return (
    <LoadState state={state} loadingText="正在加载台账…">
      {({ rows, counts, today }) => (
        <>
          <View className="card terms__summary">
            <View className="terms__count terms__count--overdue">
              <Text className="terms__number">{counts.overdue}</Text>
              <Text className="terms__label">已超期</Text>
            </View>
            <View className="terms__count terms__count--due">
              <Text className="terms__number">{counts.due}</Text>
              <Text className="terms__label">半年内到期</Text>
            </View>
            <View className="terms__count">
              <Text className="terms__number">{counts.none}</Text>
              <Text className="terms__label">未登记</Text>
            </View>
          </View>
          <View className="card">
            <View className="card__title">各组织任期（{today}）</View>
            {rows.length === 0 ? (
              <Text className="muted">您管理的组织中没有需要换届的党组织。</Text>
            ) : (
              rows.map((r) => <Row key={r.orgId} r={r} />)
            )}
          </View>
          <Button className="terms__export" block loading={exporting.busy} disabled={exporting.busy} onClick={doExport}>
            导出台账（Excel）
          </Button>
        </>
      )}
    </LoadState>
  );
}

export default function RegisterTermsPage() {
  return (
    <AdminGate page="register" className="terms">
      {() => (
        <>
          <AdminHead title="换届选举台账" sub="任期届满前 6、3、1 个月提醒书记和机关工委；点组织登记任期或记录选举" />
          <Register />
        </>
      )}
    </AdminGate>
  );
}
