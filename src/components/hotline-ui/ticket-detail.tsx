// 诉求详情: the ticket, its replies, ratings and timeline (who and when), and the steps the caller may take:
// the submitter withdraws, rates or asks for a re-open; an admin accepts, assigns, rejects or closes; the assigned
// department's handler replies; the 12345 loop's steps (退单, 延期, 协办, 回访, 追问, 催办) come from ticket-loop.tsx.
// The server decides who may do what (`can`) and checks it again on every step.
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { StatusTag } from './index';
import { dateText, dateTimeText } from '@/utils/time';
import { ReplyNotice } from './reply-notice';
import { MergedInto, TriageHelp } from './ticket-public-side';
import { LoopActions, LoopInfo } from './ticket-loop';
import type { StepButton } from './ticket-step-form';
import { TicketStepForm, useStepForm } from './ticket-step-form';
import { PhotoUpload } from '@/components/photo-upload';
import { LoadState } from '@/components/load-state';
import type { TicketDetail } from '@/domain/api';
import type { TicketPhoto } from '@/domain/api/hotline';
import { HOTLINE_POOR_SCORE } from '@/domain/hotline/workflow';
import { bothStates, useRemote, useResource } from '@/hooks/use-remote';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory } from '@/services/session';
import './ticket-detail.scss';

type Form = 'reply' | 'rate' | 'reopen' | 'reject' | 'assign' | 'withdraw';

const SCORE_LABELS = ['', '很不满意', '不满意', '基本满意', '满意', '很满意'];

function Actions({
  t,
  directory,
  onDone,
}: {
  t: TicketDetail;
  directory: OrgDirectory;
  onDone: (msg: string) => void;
}) {
  const { form, text, busy, error, setError, run, open, textBox, confirm } = useStepForm<Form>(onDone);
  const [score, setScore] = useState(0);
  const [photos, setPhotos] = useState<string[]>([]);
  const [departmentId, setDepartmentId] = useState<string | null>(t.departmentId ?? t.requestedDepartmentId);
  const ticketId = t.ticketId;

  const buttons: StepButton[] = [];
  if (t.can.reply) buttons.push(['答复', () => open('reply'), 'primary']);
  if (t.can.accept)
    buttons.push(['受理', () => run(() => call('hotline', 'accept', { ticketId }), '已受理'), 'primary']);
  if (t.can.assign) buttons.push([t.status === 'assigned' ? '改派' : '交办', () => open('assign'), 'primary']);
  if (t.can.reject) buttons.push(['不予受理', () => open('reject'), 'default']);
  if (t.can.close) buttons.push(['办结', () => run(() => call('hotline', 'close', { ticketId }), '已办结'), 'default']);
  if (t.can.rate) buttons.push(['评价', () => open('rate'), 'primary']);
  if (t.can.reopen) buttons.push(['申请重新办理', () => open('reopen'), 'default']);
  if (t.can.withdraw) buttons.push(['撤回诉求', () => open('withdraw'), 'default']);
  if (buttons.length === 0) return null;

  return (
    <TicketStepForm buttons={buttons} formOpen={form !== null} busy={busy} error={error}>
      {form === 'reply' && (
        <>
          <Text className="card__title">答复群众</Text>
          {textBox('请写明办理情况和结果', 2000)}
          <Text className="field__label">现场照片（选填，最多 6 张，只有诉求人和办理人员看得到）</Text>
          <PhotoUpload value={photos} onChange={setPhotos} onError={(e) => setError(e.message)} disabled={busy} />
          {confirm('提交答复', () =>
            run(
              () => call('hotline', 'reply', { ticketId, content: text.trim(), ...(photos.length ? { photos } : {}) }),
              '已答复',
            ),
          )}
        </>
      )}
      {form === 'assign' && (
        <>
          <Text className="card__title">交办给部门</Text>
          <View className="hotline-chips">
            {directory.departments.map((d) => (
              <Text
                key={d.departmentId}
                className={`hotline-chip${departmentId === d.departmentId ? ' hotline-chip--on' : ''}`}
                onClick={() => setDepartmentId(d.departmentId)}
              >
                {d.name}
              </Text>
            ))}
          </View>
          {confirm('确认交办', () =>
            departmentId
              ? run(() => call('hotline', 'assign', { ticketId, departmentId }), '已交办')
              : setError('请选择部门'),
          )}
        </>
      )}
      {form === 'reject' && (
        <>
          <Text className="card__title">不予受理的理由</Text>
          {textBox('群众会看到这个理由', 200)}
          {confirm('确认', () => run(() => call('hotline', 'reject', { ticketId, reason: text.trim() }), '已不予受理'))}
        </>
      )}
      {form === 'withdraw' && (
        <>
          <Text className="card__title">撤回诉求（选填原因）</Text>
          {textBox('如：问题已解决', 200)}
          {confirm('确认撤回', () =>
            run(
              () => call('hotline', 'withdraw', { ticketId, ...(text.trim() ? { reason: text.trim() } : {}) }),
              '已撤回',
            ),
          )}
        </>
      )}
      {form === 'rate' && (
        <>
          <Text className="card__title">对答复是否满意</Text>
          <View className="hotline-chips">
            {[5, 4, 3, 2, 1].map((s) => (
              <Text
                key={s}
                className={`hotline-chip${score === s ? ' hotline-chip--on' : ''}`}
                onClick={() => setScore(s)}
              >
                {s} 分 {SCORE_LABELS[s]}
              </Text>
            ))}
          </View>
          {score > 0 && score <= HOTLINE_POOR_SCORE && !t.reopened && (
            <Text className="card__hint">评价 {HOTLINE_POOR_SCORE} 分及以下的，可以申请重新办理一次。</Text>
          )}
          {textBox('意见（选填）', 300)}
          {confirm('提交评价', () =>
            score
              ? run(
                  () => call('hotline', 'rate', { ticketId, score, ...(text.trim() ? { comment: text.trim() } : {}) }),
                  '评价已提交',
                )
              : setError('请选择评分'),
          )}
        </>
      )}
      {form === 'reopen' && (
        <>
          <Text className="card__title">申请重新办理（只有一次机会）</Text>
          {textBox('请说明哪里没有解决', 200)}
          {confirm('提交申请', () =>
            run(() => call('hotline', 'reopen', { ticketId, reason: text.trim() }), '已申请重新办理'),
          )}
        </>
      )}
    </TicketStepForm>
  );
}

/** Thumbnails that open full size; the URLs are temporary and only ever given to those who may see the ticket. */
function Photos({ photos }: { photos: TicketPhoto[] }) {
  const urls = photos.map((p) => p.url).filter((u): u is string => u !== null);
  return (
    <View className="hotline-photos">
      <Text className="hotline-detail__meta">
        照片 {photos.length} 张{urls.length ? '，点击查看大图' : ''}
      </Text>
      <View className="hotline-photos__grid">
        {photos.map((p, i) =>
          p.url ? (
            <Image
              key={p.fileID}
              className="hotline-photos__img"
              src={p.url}
              mode="aspectFill"
              ariaLabel={`照片 ${i + 1}`}
              nativeProps={{ alt: `照片 ${i + 1}` }}
              onClick={() => Taro.previewImage({ current: p.url as string, urls })}
            />
          ) : (
            <View key={p.fileID} className="hotline-photos__missing">
              <Text>照片 {i + 1} 暂时无法显示</Text>
            </View>
          ),
        )}
      </View>
    </View>
  );
}

function Ticket({ t, directory, reload }: { t: TicketDetail; directory: OrgDirectory; reload: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <View className="card hotline-detail">
        <View className="hotline-detail__head">
          <Text className="hotline-detail__title">{t.title}</Text>
          <StatusTag status={t.status} name={t.statusName} />
        </View>
        <Text className="hotline-detail__meta">
          {t.ticketNo} · {t.category} · 提交于 {dateTimeText(t.createdAt)}
        </Text>
        <Text className={`hotline-detail__meta${t.overdue ? ' hotline-detail__meta--over' : ''}`}>
          {t.departmentName ? `承办部门：${t.departmentName} · ` : ''}办理期限：{dateText(t.dueAt)}
          {t.overdue ? '（已超期）' : ''}
        </Text>
        <Text className="hotline-text hotline-detail__content">{t.content}</Text>
        {t.photos.length > 0 && <Photos photos={t.photos} />}
        {(t.contactName || t.contactPhone) && (
          <Text className="hotline-detail__meta">
            联系人：{t.contactName ?? '未填写'} {t.contactPhone && <Text className="nowrap">{t.contactPhone}</Text>}
          </Text>
        )}
        {t.can.subscribe && t.subscribed && <Text className="hotline-detail__meta">已开启答复微信通知</Text>}
        <Text className="hotline-detail__meta">
          {t.isPublic ? (t.published ? '已在公开答复中展示（已打码）' : '答复后公开展示（打码）') : '不公开'}
        </Text>
        {t.rejectReason && <Text className="form-error">不予受理：{t.rejectReason}</Text>}
        {t.mergedNos.length > 0 && (
          <Text className="hotline-detail__meta">并入本件的重复诉求：{t.mergedNos.join('、')}</Text>
        )}
      </View>
      {notice && <View className="hotline-notice">{notice}</View>}
      <MergedInto t={t} />
      <LoopInfo t={t} />
      {t.can.subscribe && !t.subscribed && (
        <ReplyNotice key={t.ticketId} ticketId={t.ticketId} className="card hotline-actions" />
      )}
      <Actions
        t={t}
        directory={directory}
        onDone={(msg) => {
          setNotice(msg);
          Taro.showToast({ title: msg, icon: 'success' });
          reload();
        }}
      />
      <LoopActions
        t={t}
        directory={directory}
        onDone={(msg) => {
          setNotice(msg);
          Taro.showToast({ title: msg, icon: 'success' });
          reload();
        }}
      />
      <TriageHelp
        t={t}
        onDone={(msg) => {
          setNotice(msg);
          Taro.showToast({ title: msg, icon: 'success' });
          reload();
        }}
      />
      {t.replies.map((r, i) => (
        <View key={r.at + i} className="card hotline-reply">
          <Text className="card__title">
            {r.departmentName}的答复{t.replies.length > 1 ? `（第 ${i + 1} 次）` : ''}
          </Text>
          <Text className="hotline-text">{r.content}</Text>
          <Text className="hotline-detail__meta">
            {dateTimeText(r.at)} · {r.onTime ? '按期答复' : '超期答复'}
          </Text>
          {r.photos.length > 0 && <Photos photos={r.photos} />}
        </View>
      ))}
      {t.ratings.map((r, i) => (
        <View key={r.at + i} className="card">
          <Text className="card__title">
            {i === 0 ? '评价' : '重新办理后的评价'}：{r.score} 分 {SCORE_LABELS[r.score]}
          </Text>
          {r.comment && <Text className="hotline-text">{r.comment}</Text>}
        </View>
      ))}
      <View className="card">
        <Text className="card__title">办理过程</Text>
        <View className="hotline-timeline">
          {t.timeline.map((e, i) => (
            <View key={i} className="hotline-timeline__item">
              <Text className="hotline-timeline__event">
                {e.eventName} · {e.actorName}
              </Text>
              {e.note && (
                <Text className="hotline-timeline__note">
                  <DatesWhole text={e.note} />
                </Text>
              )}
              <Text className="hotline-timeline__at">{dateTimeText(e.at)}</Text>
            </View>
          ))}
        </View>
      </View>
    </>
  );
}

/**
 * One ticket read by its id, with the steps the caller may take: the 诉求详情 page, and the right-hand column of 诉求分办
 * on a PC. `onChanged` runs after a step changed the ticket (the list beside it reads again).
 */
/** Text with its dates (2026-12-15) kept on one line: a phone would otherwise break one after its hyphen. */
function DatesWhole({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <Text key={i} className="nowrap">
            {part}
          </Text>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function TicketView({ ticketId, onChanged }: { ticketId: string; onChanged?: () => void }) {
  const fetcher = useCallback(() => call('hotline', 'get', { ticketId }), [ticketId]);
  const ticket = useRemote(fetcher);
  const state = bothStates(ticket, useResource(orgDirectory));
  const { reload } = ticket;
  const changed = useCallback(() => {
    reload();
    onChanged?.();
  }, [reload, onChanged]);
  return (
    <LoadState state={state}>
      {([t, directory]) => <Ticket key={t.ticketId} t={t} directory={directory} reload={changed} />}
    </LoadState>
  );
}
