// 发布通知: title, text, attachments, the organisations it goes to (an admin any, a secretary the own and below) and
// an optional deadline for 确认收到; then straight to its read list.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { NoticeFiles } from '@/components/notice-files';
import { TextField } from '@/components/text-field';
import type { NoticeAttachmentInput } from '@/components/notice-files';
import { NOTICE_BODY_MAX, NOTICE_TITLE_MAX } from '@/domain/api/notice';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { orgOptions } from '@/utils/org-tree';
import { rosterOrgIds } from '@/utils/roles';
import { dateText } from '@/utils/time';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { CheckList } from '../shared/check-list';
import { Segmented } from '../shared/segmented';
import { TimeField } from '../shared/time-field';
import './index.scss';

/** One per form: a retried or double-tapped publish returns the notice already sent. */
function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function Form({ me, directory }: AdminContext) {
  const allowed = new Set(rosterOrgIds(me.roles, directory.orgs));
  const orgs = orgOptions(directory.orgs, (id) => allowed.has(id));
  const [requestId] = useState(newRequestId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [picked, setPicked] = useState<string[]>(() => (orgs.length === 1 ? [orgs[0].value] : []));
  const [files, setFiles] = useState<NoticeAttachmentInput[]>([]);
  const [asks, setAsks] = useState(false);
  const [day, setDay] = useState(() => dateText(Date.now() + 3 * 86_400_000));
  const [time, setTime] = useState('17:00');
  const { busy, error, setError, submit } = useSave({ toast: '已发布' });

  const publish = () => {
    if (!title.trim()) return setError('请填写通知标题');
    if (!body.trim()) return setError('请填写通知正文');
    if (picked.length === 0) return setError('请选择发送范围');
    const confirmBy = `${day}T${time}:00+08:00`;
    if (asks && new Date(confirmBy).getTime() <= Date.now()) return setError('确认截止时间应晚于现在');
    void submit(
      () =>
        call('notice', 'publish', {
          requestId,
          title: title.trim(),
          body: body.trim(),
          orgIds: picked,
          ...(files.length ? { attachments: files } : {}),
          ...(asks ? { confirmBy } : {}),
        }),
      ({ noticeId }) => Taro.redirectTo({ url: `/admin/notice-receipts/index?id=${encodeURIComponent(noticeId)}` }),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">发布通知</View>
      <TextField
        label="通知标题"
        name="title"
        value={title}
        onChange={setTitle}
        placeholder="如：关于召开支部党员大会的通知"
        maxLength={NOTICE_TITLE_MAX}
      />
      <TextField
        multiline
        label="通知正文"
        className="notice-form__body"
        value={body}
        onChange={setBody}
        maxLength={NOTICE_BODY_MAX}
        placeholder="通知的内容：时间、地点、要求"
      />
      <View className="field">
        <Text className="field__label">附件（选填，最多 6 个：PDF、Word、Excel、PPT 或图片）</Text>
        <NoticeFiles value={files} onChange={setFiles} onError={(e) => setError(e.message)} disabled={busy} />
      </View>
      <View className="field">
        <Text className="field__label">发送范围（含下级组织，已选 {picked.length} 个）</Text>
        <CheckList items={orgs} picked={picked} onChange={setPicked} />
      </View>
      <View className="field">
        <Text className="field__label">确认收到</Text>
        <Segmented
          options={[
            { value: 'no', label: '不需要' },
            { value: 'yes', label: '要求确认收到' },
          ]}
          value={asks ? 'yes' : 'no'}
          onChange={(v) => setAsks(v === 'yes')}
        />
      </View>
      {asks && (
        <View className="notice-form__deadline">
          <TimeField label="确认截止日期" mode="date" value={day} onChange={setDay} />
          <TimeField label="时间" mode="time" value={time} onChange={setTime} />
        </View>
      )}
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在发布…' : '发布通知'}
        submitClassName="notice-form__submit"
        onSubmit={publish}
      />
    </View>
  );
}

export default function NoticeFormPage() {
  return <AdminGate page="notices">{(ctx) => <Form {...ctx} />}</AdminGate>;
}
