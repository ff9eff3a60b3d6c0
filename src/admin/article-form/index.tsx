// 新增/编辑文章: category, title, optional summary and source, and the text as paragraphs and pictures in order. The
// server works out from the length how long a member must read it to earn the point.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { FormActions } from '@/components/form-actions';
import { LoadState } from '@/components/load-state';
import { NoticeFiles } from '@/components/notice-files';
import { TextField } from '@/components/text-field';
import type { ArticleCategory, ArticleDetail } from '@/domain/api/notice';
import { ARTICLE_BLOCKS_MAX, ARTICLE_CATEGORIES, ARTICLE_TEXT_MAX, NOTICE_TITLE_MAX } from '@/domain/api/notice';
import { useRemote } from '@/hooks/use-remote';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { AdminGate } from '../shared/admin-gate';
import { plainOptions, SelectField } from '../shared/select-field';
import './index.scss';

type Block =
  | { key: number; type: 'text'; text: string }
  | { key: number; type: 'image'; fileID: string; url: string | null; caption: string };

let nextKey = 1;
const textBlock = (text = ''): Block => ({ key: nextKey++, type: 'text', text });

function fromArticle(a: ArticleDetail | null): Block[] {
  if (!a) return [textBlock()];
  return a.blocks.map((b) =>
    b.type === 'text'
      ? textBlock(b.text)
      : { key: nextKey++, type: 'image', fileID: b.fileID, url: b.url, caption: b.caption ?? '' },
  );
}

function Form({ article }: { article: ArticleDetail | null }) {
  const [category, setCategory] = useState<ArticleCategory>(article?.category ?? '理论学习');
  const [title, setTitle] = useState(article?.title ?? '');
  const [summary, setSummary] = useState(article?.summary ?? '');
  const [source, setSource] = useState(article?.source ?? '');
  const [blocks, setBlocks] = useState<Block[]>(() => fromArticle(article));
  const { busy, error, setError, submit } = useSave({ toast: '已保存' });

  const update = (key: number, change: Partial<{ text: string; caption: string }>) =>
    setBlocks((bs) => bs.map((b) => (b.key === key ? ({ ...b, ...change } as Block) : b)));
  const remove = (key: number) => setBlocks((bs) => bs.filter((b) => b.key !== key));
  const up = (i: number) =>
    setBlocks((bs) => (i === 0 ? bs : [...bs.slice(0, i - 1), bs[i], bs[i - 1], ...bs.slice(i + 1)]));
  const images = blocks.flatMap((b) => (b.type === 'image' ? [{ fileID: b.fileID, name: b.caption || '图片' }] : []));
  const addImages = (files: Array<{ fileID: string }>) => {
    const known = new Set(images.map((f) => f.fileID));
    const added = files.filter((f) => !known.has(f.fileID));
    setBlocks((bs) => [
      ...bs,
      ...added.map((f): Block => ({ key: nextKey++, type: 'image', fileID: f.fileID, url: null, caption: '' })),
    ]);
  };

  const save = () => {
    const content = blocks.filter((b) => b.type === 'image' || b.text.trim());
    if (!title.trim()) return setError('请填写文章标题');
    if (content.length === 0) return setError('请填写正文');
    if (content.length > ARTICLE_BLOCKS_MAX) return setError(`正文最多 ${ARTICLE_BLOCKS_MAX} 段（含图片）`);
    if (content.some((b) => b.type === 'text' && b.text.trim().length > ARTICLE_TEXT_MAX))
      return setError(`每段最多 ${ARTICLE_TEXT_MAX} 字，请分成几段`);
    void submit(
      () =>
        call('notice', 'saveArticle', {
          ...(article ? { articleId: article.articleId } : {}),
          category,
          title: title.trim(),
          ...(summary.trim() ? { summary: summary.trim() } : {}),
          ...(source.trim() ? { source: source.trim() } : {}),
          blocks: content.map((b) =>
            b.type === 'text'
              ? { type: 'text' as const, text: b.text.trim() }
              : {
                  type: 'image' as const,
                  fileID: b.fileID,
                  ...(b.caption.trim() ? { caption: b.caption.trim() } : {}),
                },
          ),
        }),
      () => Taro.navigateBack(),
    );
  };

  return (
    <View className="card admin-form">
      <View className="card__title">{article ? '编辑文章' : '新增文章'}</View>
      <SelectField label="栏目" options={plainOptions(ARTICLE_CATEGORIES)} value={category} onChange={setCategory} />
      <TextField label="标题" name="title" value={title} onChange={setTitle} maxLength={NOTICE_TITLE_MAX} />
      <TextField
        label="摘要（选填，不填取正文开头）"
        name="summary"
        value={summary}
        onChange={setSummary}
        maxLength={120}
      />
      <TextField label="来源（选填）" name="source" value={source} onChange={setSource} maxLength={60} />
      <View className="field">
        <Text className="field__label">正文（按顺序：段落和图片）</Text>
        {blocks.map((b, i) => (
          <View key={b.key} className="article-form__block">
            {b.type === 'text' ? (
              <View className="field__box">
                <Textarea
                  className="article-form__text"
                  value={b.text}
                  maxlength={ARTICLE_TEXT_MAX}
                  placeholder="一段文字"
                  onInput={(e) => update(b.key, { text: e.detail.value })}
                />
              </View>
            ) : (
              <View className="article-form__image">
                {b.url ? (
                  <Image className="article-form__img" src={b.url} mode="aspectFit" />
                ) : (
                  <Text className="muted">图片（已上传）</Text>
                )}
                <TextField
                  label="图片说明（选填）"
                  value={b.caption}
                  onChange={(caption) => update(b.key, { caption })}
                  maxLength={60}
                />
              </View>
            )}
            <View className="article-form__tools">
              {i > 0 && (
                <Text className="article-form__tool" onClick={() => up(i)}>
                  上移
                </Text>
              )}
              <Text className="article-form__tool" onClick={() => remove(b.key)}>
                删除
              </Text>
            </View>
          </View>
        ))}
        <View className="article-form__add" onClick={() => setBlocks((bs) => [...bs, textBlock()])}>
          + 添加段落
        </View>
        <NoticeFiles
          kind="study"
          listed={false}
          value={images}
          onChange={addImages}
          onError={(e) => setError(e.message)}
          disabled={busy}
        />
      </View>
      <FormActions
        error={error}
        busy={busy}
        submitText={busy ? '正在保存…' : '保存'}
        submitClassName="article-form__submit"
        onSubmit={save}
      />
    </View>
  );
}

function Edit({ articleId }: { articleId: string }) {
  const state = useRemote(useCallback(() => call('notice', 'article', { articleId }), [articleId]));
  return <LoadState state={state}>{(a) => <Form article={a} />}</LoadState>;
}

export default function ArticleFormPage() {
  const { params } = useRouter();
  return (
    <AdminGate page="articles">
      {() => (params.id ? <Edit articleId={params.id} /> : <Form article={null} />)}
    </AdminGate>
  );
}
