// 知识库 answers shown while an appeal is written: after a pause in typing the page asks for the answers that fit the
// title and content; a person whose question they answer can stop there (直接答复, counted by the server once).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { KnowledgeAnswer } from '@/domain/api/hotline-public';
import type { HotlineCategory } from '@/domain/hotline/categories';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';

/** Milliseconds of no typing before asking. */
export const KNOWLEDGE_HINT_DELAY_MS = 600;

export interface KnowledgeHintsProps {
  category: HotlineCategory | null;
  title: string;
  content: string;
  /** The person's question is answered: the page shows the thanks instead of the form. */
  onSolved: (answer: KnowledgeAnswer) => void;
}

export function KnowledgeHints({ category, title, content, onSolved }: KnowledgeHintsProps) {
  const [answers, setAnswers] = useState<KnowledgeAnswer[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const { busy, error, submit } = useSave();
  const t = title.trim();
  const c = content.trim();

  useEffect(() => {
    if (t.length < 2) {
      setAnswers([]);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('hotline', 'knowledgeSearch', {
        title: t.slice(0, 50),
        ...(c ? { content: c.slice(0, 2000) } : {}),
        ...(category ? { category } : {}),
      })
        .then((r) => {
          if (live) setAnswers(r.answers);
        })
        // Suggestions are a help, not a step: a failed lookup leaves the form as it is.
        .catch(() => undefined);
    }, KNOWLEDGE_HINT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [t, c, category]);

  if (answers.length === 0) return null;
  return (
    <View className="card knowledge-hints">
      <Text className="card__title">这些答复也许能解决您的问题</Text>
      {answers.map((a) => (
        <View key={a.knowledgeId} className="knowledge-hint">
          <Text
            className="knowledge-hint__title"
            onClick={() => setOpen(open === a.knowledgeId ? null : a.knowledgeId)}
          >
            {open === a.knowledgeId ? '▾' : '▸'} {a.title}
          </Text>
          {open === a.knowledgeId && (
            <>
              <Text className="hotline-text">{a.answer}</Text>
              <Text className="knowledge-hint__from">—— {a.departmentName}</Text>
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  loading={busy}
                  disabled={busy}
                  onClick={() =>
                    void submit(
                      () => call('hotline', 'knowledgeHelpful', { knowledgeId: a.knowledgeId }),
                      () => onSolved(a),
                    )
                  }
                  style={{ flex: 1 }}
                >
                  已解决，不用提交了
                </Button>
              </View>
            </>
          )}
        </View>
      ))}
      <Text className="card__hint">没有解决的，请继续填写并提交诉求。</Text>
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}
