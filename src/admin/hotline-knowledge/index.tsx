// 热线知识库 (admins): answers to common questions with keywords, a category and the department whose answer it is.
// The submit page shows the ones that fit before an appeal is sent (直接答复); at triage an admin answers a ticket
// with one. An answer is switched off rather than deleted, so the counts of who it helped stay.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '../../components/hotline-ui/index.scss';
import { LoadState } from '@/components/load-state';
import { Pager } from '@/components/pager';
import { TextField } from '@/components/text-field';
import type { KnowledgeItem } from '@/domain/api/hotline-public';
import type { HotlineCategory } from '@/domain/hotline/categories';
import { HOTLINE_CATEGORIES } from '@/domain/hotline/categories';
import { HOTLINE_KNOWLEDGE_ANSWER_MAX, HOTLINE_KNOWLEDGE_TITLE_MAX } from '@/domain/hotline/knowledge';
import { useEditing } from '@/hooks/use-editing';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import type { OrgDirectory } from '@/services/session';
import type { AdminContext } from '../shared/admin-gate';
import { AdminGate } from '../shared/admin-gate';
import { AdminHead } from '../shared/admin-head';
import { EditForm } from '../shared/edit-form';

function KnowledgeForm({
  item,
  directory,
  onDone,
}: {
  item: KnowledgeItem | null;
  directory: OrgDirectory;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(item?.title ?? '');
  const [answer, setAnswer] = useState(item?.answer ?? '');
  const [keywords, setKeywords] = useState(item?.keywords.join(' ') ?? '');
  const [category, setCategory] = useState<HotlineCategory | null>(item?.category ?? null);
  const [departmentId, setDepartmentId] = useState(item?.departmentId ?? '');
  const [active, setActive] = useState(item?.active ?? true);
  const state = useSave({ toast: '已保存', onDone });

  const save = () => {
    const words = keywords.split(/[\s,，、]+/).filter(Boolean);
    if (!title.trim()) return state.setError('请填写常见问题');
    if (!answer.trim()) return state.setError('请填写答复口径');
    if (words.length === 0) return state.setError('请至少填写一个关键词');
    if (!departmentId) return state.setError('请选择答复部门');
    void state.submit(() =>
      call('hotline', 'knowledgeSave', {
        ...(item ? { knowledgeId: item.knowledgeId } : {}),
        title: title.trim(),
        answer: answer.trim(),
        keywords: words,
        category,
        departmentId,
        active,
      }),
    );
  };

  return (
    <EditForm title={item ? '修改答复' : '新增答复'} state={state} onSave={save} onCancel={onDone}>
      <TextField
        label="常见问题"
        value={title}
        onChange={setTitle}
        maxLength={HOTLINE_KNOWLEDGE_TITLE_MAX}
        placeholder="如：离职后住房公积金怎样提取"
      />
      <TextField
        multiline
        label="答复口径"
        className="hotline-textarea"
        value={answer}
        onChange={setAnswer}
        maxLength={HOTLINE_KNOWLEDGE_ANSWER_MAX}
        placeholder="群众看到的答复，写清办理条件、材料、地点和时限"
      />
      <TextField
        label="关键词（用空格分开）"
        value={keywords}
        onChange={setKeywords}
        maxLength={120}
        placeholder="如：公积金 提取"
        hint="诉求标题或内容含有其中任一关键词时，提交前会提示这条答复"
      />
      <Text className="field__label">诉求类别（选填）</Text>
      <View className="hotline-chips">
        {HOTLINE_CATEGORIES.map((c) => (
          <Text
            key={c}
            className={`hotline-chip${category === c ? ' hotline-chip--on' : ''}`}
            onClick={() => setCategory(category === c ? null : c)}
          >
            {c}
          </Text>
        ))}
      </View>
      <Text className="field__label">答复部门</Text>
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
      <Text className="field__label">状态</Text>
      <View className="hotline-chips">
        <Text className={`hotline-chip${active ? ' hotline-chip--on' : ''}`} onClick={() => setActive(true)}>
          启用
        </Text>
        <Text className={`hotline-chip${!active ? ' hotline-chip--on' : ''}`} onClick={() => setActive(false)}>
          停用
        </Text>
      </View>
    </EditForm>
  );
}

function Knowledge({ directory }: AdminContext) {
  const [page, setPage] = useState(1);
  const { editing, open: edit, close } = useEditing<KnowledgeItem | 'new'>();
  const fetcher = useCallback(() => call('hotline', 'knowledgeList', { page, includeInactive: true }), [page]);
  const state = useRemote(fetcher);
  return (
    <>
      <AdminHead title="热线知识库" sub="群众提交诉求前先看到相符的答复，可直接解决">
        {!editing && (
          <Button type="primary" onClick={() => edit('new')}>
            新增答复
          </Button>
        )}
      </AdminHead>
      {editing && (
        <KnowledgeForm
          key={editing === 'new' ? 'new' : editing.knowledgeId}
          item={editing === 'new' ? null : editing}
          directory={directory}
          onDone={() => {
            close();
            state.reload();
          }}
        />
      )}
      <LoadState state={state}>
        {({ items, hasMore }) => (
          <>
            <View className="card">
              {items.length === 0 && <Text className="muted">还没有答复。点击“新增答复”录入常见问题的答复口径。</Text>}
              {items.map((k) => (
                <View key={k.knowledgeId} className="admin-list__row">
                  <View className="admin-list__main">
                    <Text className="admin-list__name">
                      {k.title}
                      {k.active ? '' : '（已停用）'}
                    </Text>
                    <Text className="admin-list__meta">
                      {k.departmentName} · 关键词：{k.keywords.join('、')}
                      {k.category ? ` · ${k.category}` : ''}
                    </Text>
                    <Text className="admin-list__meta">
                      直接解决 {k.helpful} 人次 · 分办时引用 {k.used} 次
                    </Text>
                  </View>
                  <View className="admin-list__action" onClick={() => edit(k)}>
                    修改
                  </View>
                </View>
              ))}
            </View>
            <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
          </>
        )}
      </LoadState>
    </>
  );
}

export default function HotlineKnowledgePage() {
  return <AdminGate page="hotline-knowledge">{(ctx) => <Knowledge {...ctx} />}</AdminGate>;
}
