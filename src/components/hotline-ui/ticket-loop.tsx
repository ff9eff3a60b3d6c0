// The 12345 handling loop's parts of 诉求详情 (issue 15): what is pending or recorded (退单, 延期, 协办 parts, the 追问
// thread, 回访 results, 通报), and the steps the caller may take: the lead department's 退单 / 申请延期 / 答复追问,
// a co-handling department's 协办意见, the admin's 审核退单 (改派 or 驳回), 审核延期, 指定协办, 回访 and 重新办理,
// the submitter's 追问 and 催办. The server decides who may do what (`can`) and checks it again on every step.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { TicketDetail } from '@/domain/api';
import { HOTLINE_MAX_EXTENSION_DAYS } from '@/domain/hotline/limits';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { dateText, dateTimeText } from '@/utils/time';
import type { StepButton } from './ticket-step-form';
import { TicketStepForm, useStepForm } from './ticket-step-form';

/** What the loop has recorded on a ticket; nothing when there is nothing to show. */
export function LoopInfo({ t }: { t: TicketDetail }) {
  const rows: ReactNode[] = [];
  if (t.reported)
    rows.push(
      <Text key="reported" className="form-error">
        已列入超期通报（超过办理期限 5 个工作日仍未答复）
      </Text>,
    );
  if (t.returnRequest)
    rows.push(
      <Text key="return" className="hotline-detail__meta">
        {t.returnRequest.departmentName}申请退单：{t.returnRequest.reason}（{dateTimeText(t.returnRequest.at)}）
      </Text>,
    );
  if (t.extensionRequest)
    rows.push(
      <Text key="extension" className="hotline-detail__meta">
        申请延期 {t.extensionRequest.days} 个工作日（至 {dateText(t.extensionRequest.proposedDueAt)}），待机关工委审核：
        {t.extensionRequest.reason}
      </Text>,
    );
  if (t.extendedDays > 0)
    rows.push(
      <Text key="extended" className="hotline-detail__meta">
        经审核已延期 {t.extendedDays} 个工作日
      </Text>,
    );
  if (rows.length === 0 && t.coDepartments.length === 0 && !t.followUp && t.visits.length === 0) return null;
  return (
    <>
      {rows.length > 0 && <View className="card">{rows}</View>}
      {t.coDepartments.length > 0 && (
        <View className="card">
          <Text className="card__title">协办部门</Text>
          {t.coDepartments.map((c) => (
            <View key={c.departmentId} className="hotline-loop__item">
              <Text className="knowledge-hint__title">{c.name}</Text>
              <Text className={c.part ? 'hotline-text' : 'muted'}>{c.part ?? '尚未填写协办意见'}</Text>
              {c.at && <Text className="hotline-detail__meta">{dateTimeText(c.at)}</Text>}
            </View>
          ))}
        </View>
      )}
      {t.followUp && (
        <View className="card">
          <Text className="card__title">追问</Text>
          <Text className="hotline-text">{t.followUp.question}</Text>
          <Text className="hotline-detail__meta">{dateTimeText(t.followUp.askedAt)}</Text>
          <Text className="card__title">追问答复</Text>
          <Text className={t.followUp.answer ? 'hotline-text' : 'muted'}>{t.followUp.answer ?? '等待部门答复'}</Text>
          {t.followUp.answeredAt && <Text className="hotline-detail__meta">{dateTimeText(t.followUp.answeredAt)}</Text>}
        </View>
      )}
      {t.visits.length > 0 && (
        <View className="card">
          <Text className="card__title">回访</Text>
          {t.visits.map((v, i) => (
            <View key={v.at + i} className="hotline-loop__item">
              <Text className="hotline-text">
                {v.reached ? (v.solved ? '已联系，问题已解决' : '已联系，问题未解决') : '未联系上诉求人'}
              </Text>
              {v.note && <Text className="hotline-text">{v.note}</Text>}
              <Text className="hotline-detail__meta">{dateTimeText(v.at)}</Text>
            </View>
          ))}
        </View>
      )}
    </>
  );
}

type Form = 'return' | 'reviewReturn' | 'extend' | 'cohandle' | 'coReply' | 'visit' | 'ask' | 'answerAsk';

/** The loop's steps the caller may take now. */
export function LoopActions({
  t,
  directory,
  onDone,
}: {
  t: TicketDetail;
  directory: OrgDirectory;
  onDone: (msg: string) => void;
}) {
  const { form, setForm, text, busy, error, setError, run, open, textBox, confirm } = useStepForm<Form>(onDone);
  const [days, setDays] = useState(0);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>(t.coDepartments.map((c) => c.departmentId));
  const [reached, setReached] = useState<boolean | null>(null);
  const [solved, setSolved] = useState<boolean | null>(null);
  const ticketId = t.ticketId;
  const note = () => (text.trim() ? { note: text.trim() } : {});

  const buttons: StepButton[] = [];
  if (t.can.answerAsk) buttons.push(['答复追问', () => open('answerAsk'), 'primary']);
  if (t.can.coReply) buttons.push(['填写协办意见', () => open('coReply'), 'primary']);
  if (t.can.reviewReturn) buttons.push(['审核退单', () => open('reviewReturn'), 'primary']);
  if (t.can.reviewExtension) {
    buttons.push([
      '同意延期',
      () => run(() => call('hotline', 'reviewExtension', { ticketId, approve: true }), '已同意延期'),
      'primary',
    ]);
    buttons.push([
      '不同意延期',
      () => run(() => call('hotline', 'reviewExtension', { ticketId, approve: false }), '已不同意延期'),
      'default',
    ]);
  }
  if (t.can.visit) buttons.push(['记录回访', () => open('visit'), 'primary']);
  if (t.can.visitReopen)
    buttons.push([
      '回访未解决，重新办理',
      () => run(() => call('hotline', 'visitReopen', { ticketId }), '已交部门重新办理'),
      'primary',
    ]);
  if (t.can.requestExtension) buttons.push(['申请延期', () => open('extend'), 'default']);
  if (t.can.returnTicket) buttons.push(['退单', () => open('return'), 'default']);
  if (t.can.cohandle) buttons.push(['指定协办部门', () => open('cohandle'), 'default']);
  if (t.can.ask) buttons.push(['追问', () => open('ask'), 'default']);
  if (t.can.urge)
    buttons.push([
      '催办',
      () => run(() => call('hotline', 'urge', { ticketId }), '已催办，承办部门会收到提醒'),
      'primary',
    ]);
  if (buttons.length === 0) return null;

  const chip = (key: string, label: string, on: boolean, onClick: () => void) => (
    <Text key={key} className={`hotline-chip${on ? ' hotline-chip--on' : ''}`} onClick={onClick}>
      {label}
    </Text>
  );
  const others = directory.departments.filter((d) => d.departmentId !== t.departmentId);

  return (
    <TicketStepForm buttons={buttons} formOpen={form !== null} busy={busy} error={error}>
      {form === 'return' && (
        <>
          <Text className="card__title">退单（不属于本部门职责）</Text>
          <Text className="card__hint">退回机关工委审核；审核期间办理期限照常计算。</Text>
          {textBox('请写明退单理由，如应由哪个部门办理', 200)}
          {confirm('提交退单', () =>
            run(() => call('hotline', 'returnTicket', { ticketId, reason: text.trim() }), '已退单，等待审核'),
          )}
        </>
      )}
      {form === 'reviewReturn' && (
        <>
          <Text className="card__title">同意退单并改派给</Text>
          <View className="hotline-chips">
            {others.map((d) =>
              chip(d.departmentId, d.name, departmentId === d.departmentId, () => setDepartmentId(d.departmentId)),
            )}
          </View>
          {textBox('审核意见（选填）', 200)}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={busy}
              style={{ flex: 2 }}
              onClick={() =>
                departmentId
                  ? run(
                      () => call('hotline', 'reviewReturn', { ticketId, accept: true, departmentId, ...note() }),
                      '已同意退单并改派',
                    )
                  : setError('请选择改派的部门')
              }
            >
              同意并改派
            </Button>
            <Button
              size="large"
              fill="outline"
              disabled={busy}
              style={{ flex: 2 }}
              onClick={() =>
                run(() => call('hotline', 'reviewReturn', { ticketId, accept: false, ...note() }), '已驳回退单')
              }
            >
              驳回退单
            </Button>
            <Button size="large" fill="outline" disabled={busy} onClick={() => setForm(null)} style={{ flex: 1 }}>
              取消
            </Button>
          </View>
        </>
      )}
      {form === 'extend' && (
        <>
          <Text className="card__title">申请延期（工作日）</Text>
          <Text className="card__hint">须在办理期限前申请，机关工委同意后期限顺延，诉求人会收到通知。</Text>
          <View className="hotline-chips">
            {[1, 2, 3, 5, 10, HOTLINE_MAX_EXTENSION_DAYS].map((n) =>
              chip(String(n), `${n} 个工作日`, days === n, () => setDays(n)),
            )}
          </View>
          {textBox('请写明延期理由', 200)}
          {confirm('提交申请', () =>
            days
              ? run(
                  () => call('hotline', 'requestExtension', { ticketId, days, reason: text.trim() }),
                  '已申请延期，等待审核',
                )
              : setError('请选择延期天数'),
          )}
        </>
      )}
      {form === 'cohandle' && (
        <>
          <Text className="card__title">协办部门（{t.departmentName ?? '承办部门'}为主办）</Text>
          <View className="hotline-chips">
            {others.map((d) =>
              chip(d.departmentId, d.name, co.includes(d.departmentId), () =>
                setCo((list) =>
                  list.includes(d.departmentId) ? list.filter((x) => x !== d.departmentId) : [...list, d.departmentId],
                ),
              ),
            )}
          </View>
          {confirm('确定', () =>
            run(() => call('hotline', 'cohandle', { ticketId, departmentIds: co }), '已指定协办部门'),
          )}
        </>
      )}
      {form === 'coReply' && (
        <>
          <Text className="card__title">协办意见</Text>
          {textBox('请写明本部门的办理情况，主办部门统一答复群众', 2000)}
          {confirm('提交', () =>
            run(() => call('hotline', 'coReply', { ticketId, content: text.trim() }), '协办意见已提交'),
          )}
        </>
      )}
      {form === 'visit' && (
        <>
          <Text className="card__title">回访结果</Text>
          <View className="hotline-chips">
            {chip('r1', '已联系上', reached === true, () => setReached(true))}
            {chip('r0', '未联系上', reached === false, () => {
              setReached(false);
              setSolved(false);
            })}
          </View>
          {reached && (
            <View className="hotline-chips">
              {chip('s1', '问题已解决', solved === true, () => setSolved(true))}
              {chip('s0', '问题未解决', solved === false, () => setSolved(false))}
            </View>
          )}
          {textBox('回访情况（选填）', 200)}
          {confirm('记录回访', () =>
            reached === null || (reached && solved === null)
              ? setError(reached === null ? '请选择是否联系上诉求人' : '请选择问题是否解决')
              : run(
                  () => call('hotline', 'visit', { ticketId, reached, solved: reached && solved === true, ...note() }),
                  '回访已记录',
                ),
          )}
        </>
      )}
      {form === 'ask' && (
        <>
          <Text className="card__title">追问（每件诉求只能追问一次）</Text>
          {textBox('对答复还有不清楚的地方，请写下来', 300)}
          {confirm('提交追问', () =>
            run(() => call('hotline', 'ask', { ticketId, content: text.trim() }), '追问已提交'),
          )}
        </>
      )}
      {form === 'answerAsk' && (
        <>
          <Text className="card__title">答复追问</Text>
          {t.followUp && <Text className="hotline-text">群众追问：{t.followUp.question}</Text>}
          {textBox('请答复群众的追问', 2000)}
          {confirm('提交答复', () =>
            run(() => call('hotline', 'answerAsk', { ticketId, content: text.trim() }), '已答复追问'),
          )}
        </>
      )}
    </TicketStepForm>
  );
}
