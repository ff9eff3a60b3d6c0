// 我要反映: category, department if known, title, text, up to 6 photos, optional contact, and whether it may be
// published (masked). The server checks the content and gives a ticket number and a deadline in working days.
// While the person types, 知识库 answers that fit are shown (they may stop there); with ?programme= the appeal is a
// question for an upcoming 热线节目, sent to one of its departments on air.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { HOTLINE_PAGES } from '@/components/hotline-ui';
import { KnowledgeHints } from '@/components/hotline-ui/knowledge-hints';
import type { KnowledgeAnswer, ProgrammeSummary } from '@/domain/api/hotline-public';
import { dateText } from '@/utils/time';
import { ReplyNotice } from '@/components/hotline-ui/reply-notice';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { PhotoUpload } from '@/components/photo-upload';
import { TextField } from '@/components/text-field';
import type { HotlineCategory } from '@/domain/hotline/categories';
import { HOTLINE_CATEGORIES, HOTLINE_DEFAULT_DEADLINES } from '@/domain/hotline/categories';
import { HOTLINE_CONTENT_MAX, HOTLINE_TITLE_MAX } from '@/domain/hotline/limits';
import { bothStates, useRemote, useResource } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { useSave } from '@/hooks/use-save';
import type { OrgDirectory } from '@/services/session';
import { orgDirectory } from '@/services/session';
import './index.scss';

function SubmitForm({ directory, programme }: { directory: OrgDirectory; programme: ProgrammeSummary | null }) {
  const [category, setCategory] = useState<HotlineCategory | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [isPublic, setIsPublic] = useState(true);
  const { busy, error, setError, submit: send } = useSave();
  const [done, setDone] = useState<{ ticketId: string; ticketNo: string; dueAt: string } | null>(null);
  const [solved, setSolved] = useState<KnowledgeAnswer | null>(null);
  const departments = programme ? programme.departments : directory.departments;

  const submit = () => {
    if (!category) return setError('请选择诉求类别');
    if (!title.trim()) return setError('请填写标题');
    if (!content.trim()) return setError('请填写诉求内容');
    const phone = contactPhone.trim();
    if (phone && !/^1\d{10}$/.test(phone)) return setError('联系电话应为 11 位手机号');
    const name = contactName.trim();
    void send(
      () =>
        call('hotline', 'submit', {
          category,
          title: title.trim(),
          content: content.trim(),
          isPublic,
          ...(departmentId ? { departmentId } : {}),
          ...(name ? { contactName: name } : {}),
          ...(phone ? { contactPhone: phone } : {}),
          ...(photos.length ? { photos } : {}),
          ...(programme ? { programmeId: programme.programmeId } : {}),
        }),
      (r) => {
        setDone(r);
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      },
    );
  };

  if (solved) {
    return (
      <View className="card hotline-done">
        <Text className="hotline-done__title">问题已直接答复</Text>
        <Text className="hotline-text">{solved.title}</Text>
        <Text className="hotline-text">{solved.answer}</Text>
        <Text className="card__hint">—— {solved.departmentName}。感谢您先查阅常见问题，如仍需反映可随时再提交。</Text>
        <View className="actions">
          <Button size="large" fill="outline" onClick={() => setSolved(null)} style={{ flex: 1 }}>
            仍要提交诉求
          </Button>
        </View>
      </View>
    );
  }

  if (done) {
    return (
      <View className="card hotline-done">
        <Text className="hotline-done__title">提交成功</Text>
        <Text className="hotline-text">诉求编号：{done.ticketNo}</Text>
        <Text className="hotline-text">办理期限：{dateText(done.dueAt)} 前答复（按工作日计算）</Text>
        <ReplyNotice ticketId={done.ticketId} className="hotline-done__notice" />
        <View className="actions">
          <Button
            type="primary"
            size="large"
            onClick={() => Taro.redirectTo({ url: HOTLINE_PAGES.ticket(done.ticketId) })}
            style={{ flex: 1 }}
          >
            查看进度
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="hotline-form">
      {programme && (
        <View className="card hotline-programme-banner">
          <Text className="card__title">热线节目提问：{programme.topic}</Text>
          <Text className="card__hint">问题直接交给您选择的上线单位，节目中或节目后答复。</Text>
        </View>
      )}
      <View className="card">
        <Text className="card__title">诉求类别</Text>
        <View className="hotline-chips">
          {HOTLINE_CATEGORIES.map((c) => (
            <Text
              key={c}
              className={`hotline-chip${category === c ? ' hotline-chip--on' : ''}`}
              onClick={() => setCategory(c)}
            >
              {c}
            </Text>
          ))}
        </View>
        <Text className="card__hint">
          {category
            ? `${category}类诉求在 ${HOTLINE_DEFAULT_DEADLINES[category]} 个工作日内答复`
            : '咨询、求助 3 个工作日内答复；投诉、建议、表扬 10 个工作日内答复'}
        </Text>
      </View>
      {departments.length > 0 && (
        <View className="card">
          <Text className="card__title">{programme ? '向哪个上线单位提问' : '反映给哪个部门（不清楚可不选）'}</Text>
          <View className="hotline-chips">
            {departments.map((d) => (
              <Text
                key={d.departmentId}
                className={`hotline-chip${departmentId === d.departmentId ? ' hotline-chip--on' : ''}`}
                onClick={() => setDepartmentId(departmentId === d.departmentId ? null : d.departmentId)}
              >
                {d.name}
              </Text>
            ))}
          </View>
        </View>
      )}
      <View className="card">
        <TextField
          label="标题"
          value={title}
          onChange={setTitle}
          maxLength={HOTLINE_TITLE_MAX}
          placeholder="一句话说明问题"
          clearable={false}
        />
        <TextField
          multiline
          label="诉求内容"
          className="hotline-textarea"
          value={content}
          onChange={setContent}
          maxLength={HOTLINE_CONTENT_MAX}
          placeholder="请写明时间、地点和具体情况"
        />
        <View className="field">
          <Text className="field__label">照片（选填，最多 6 张）</Text>
          <PhotoUpload value={photos} onChange={setPhotos} onError={(e) => setError(e.message)} disabled={busy} />
        </View>
      </View>
      <View className="card">
        <Text className="card__title">联系方式（选填，仅承办部门可见）</Text>
        <TextField
          label="姓名"
          value={contactName}
          onChange={setContactName}
          maxLength={32}
          placeholder="便于部门回访"
          clearable={false}
        />
        <TextField
          label="手机号"
          value={contactPhone}
          onChange={setContactPhone}
          type="number"
          maxLength={11}
          placeholder="11 位手机号"
          clearable={false}
        />
        <Text className="field__label">答复后是否在“公开答复”中展示（姓名、电话、证件号和门牌号会打码）</Text>
        <View className="hotline-chips">
          <Text className={`hotline-chip${isPublic ? ' hotline-chip--on' : ''}`} onClick={() => setIsPublic(true)}>
            同意公开
          </Text>
          <Text className={`hotline-chip${!isPublic ? ' hotline-chip--on' : ''}`} onClick={() => setIsPublic(false)}>
            不公开
          </Text>
        </View>
      </View>
      {!programme && <KnowledgeHints category={category} title={title} content={content} onSolved={setSolved} />}
      {error && <View className="form-error">{error}</View>}
      <View className="actions">
        <Button
          className="hotline-submit"
          type="primary"
          size="large"
          loading={busy}
          disabled={busy}
          onClick={submit}
          style={{ flex: 1 }}
        >
          提交诉求
        </Button>
      </View>
    </View>
  );
}

/** The programme of ?programme= (null without one). */
function useProgramme(programmeId: string) {
  const fetcher = useCallback(
    () =>
      programmeId
        ? call('hotline', 'programmeGet', { programmeId }).then((r) => r.programme)
        : Promise.resolve<ProgrammeSummary | null>(null),
    [programmeId],
  );
  return useRemote<ProgrammeSummary | null>(fetcher);
}

export default function HotlineSubmitPage() {
  const { params } = useRouter();
  const state = bothStates(useResource(orgDirectory), useProgramme(params.programme ?? ''));
  return (
    <PageShell>
      <LoadState state={state}>
        {([directory, programme]) =>
          programme && programme.phase !== 'upcoming' ? (
            <View className="card">
              <Text className="hotline-text">“{programme.topic}”已播出，不再征集问题。您可以直接提交诉求。</Text>
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  onClick={() => Taro.redirectTo({ url: HOTLINE_PAGES.submit })}
                  style={{ flex: 1 }}
                >
                  提交诉求
                </Button>
              </View>
            </View>
          ) : (
            <SubmitForm directory={directory} programme={programme} />
          )
        }
      </LoadState>
    </PageShell>
  );
}
