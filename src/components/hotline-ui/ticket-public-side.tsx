// The public side's parts of 诉求详情: for a merged ticket, the ticket it follows and that ticket's answer; for an
// admin at triage, the similar open tickets found at submit (并单) and the 知识库 answers that fit (知识库答复).
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { TicketDetail } from '@/domain/api';
import type { KnowledgeAnswer } from '@/domain/api/hotline-public';
import { useSave } from '@/hooks/use-save';
import { call } from '@/services/call';
import { dateTimeText } from '@/utils/time';
import { HOTLINE_PAGES, StatusTag } from './index';

/** A merged ticket: where it went, and the answer it gets from there. */
export function MergedInto({ t }: { t: TicketDetail }) {
  const p = t.parent;
  if (!p) return null;
  return (
    <View className="card hotline-merged">
      <View className="hotline-merged__head">
        <Text className="card__title">已并入诉求 {p.ticketNo} 一并办理</Text>
        <StatusTag status={p.status} name={p.statusName} />
      </View>
      <Text className="card__hint">
        有群众反映了同一问题，两件诉求由{p.departmentName ?? '承办部门'}一并办理，答复也在这里显示。
      </Text>
      {p.replies.length === 0 && <Text className="muted">尚未答复。</Text>}
      {p.replies.map((r, i) => (
        <View key={r.at + i} className="hotline-merged__reply">
          <Text className="knowledge-hint__title">{r.departmentName}的答复</Text>
          <Text className="hotline-text">{r.content}</Text>
          <Text className="knowledge-hint__from">{dateTimeText(r.at)}</Text>
        </View>
      ))}
    </View>
  );
}

/** 并单 and 知识库答复 for an admin, on a ticket not yet answered. */
export function TriageHelp({ t, onDone }: { t: TicketDetail; onDone: (msg: string) => void }) {
  const [answers, setAnswers] = useState<KnowledgeAnswer[] | null>(null);
  const { busy, error, setError, submit } = useSave();
  const ticketId = t.ticketId;
  const findAnswers = useCallback(() => {
    setError(null);
    call('hotline', 'knowledgeSearch', { title: t.title, content: t.content, category: t.category }).then(
      (r) => setAnswers(r.answers),
      (e: Error) => setError(e.message),
    );
  }, [t.title, t.content, t.category, setError]);

  if (!t.can.merge && !t.can.answer) return null;
  const similar = t.can.merge ? t.similar : [];
  if (similar.length === 0 && !t.can.answer) return null;
  return (
    <View className="card hotline-actions">
      {similar.length > 0 && (
        <>
          <Text className="card__title">疑似重复诉求（30 天内同类别、同部门的未办结诉求）</Text>
          {similar.map((s) => (
            <View key={s.ticketId} className="hotline-similar">
              <Text
                className="knowledge-hint__title"
                onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.ticket(s.ticketId) })}
              >
                {s.ticketNo} {s.title}
              </Text>
              <Text className="knowledge-hint__from">相似度 {Math.round(s.similarity * 100)}%</Text>
              <View className="actions">
                <Button
                  type="primary"
                  disabled={busy}
                  onClick={() =>
                    void submit(
                      () => call('hotline', 'merge', { ticketId, parentId: s.ticketId }),
                      () => onDone(`已并入 ${s.ticketNo}`),
                    )
                  }
                >
                  并入此件
                </Button>
              </View>
            </View>
          ))}
        </>
      )}
      {t.can.answer && (
        <>
          {answers === null ? (
            <View className="actions">
              <Button fill="outline" disabled={busy} onClick={findAnswers} style={{ flex: 1 }}>
                查找知识库答复
              </Button>
            </View>
          ) : answers.length === 0 ? (
            <Text className="muted">知识库中没有相符的答复。</Text>
          ) : (
            <>
              <Text className="card__title">知识库答复</Text>
              {answers.map((a) => (
                <View key={a.knowledgeId} className="knowledge-hint">
                  <Text className="knowledge-hint__title">{a.title}</Text>
                  <Text className="hotline-text">{a.answer}</Text>
                  <Text className="knowledge-hint__from">—— {a.departmentName}</Text>
                  <View className="actions">
                    <Button
                      type="primary"
                      disabled={busy}
                      onClick={() =>
                        void submit(
                          () => call('hotline', 'answerWithKnowledge', { ticketId, knowledgeId: a.knowledgeId }),
                          () => onDone('已用知识库答复'),
                        )
                      }
                    >
                      用此答复
                    </Button>
                  </View>
                </View>
              ))}
            </>
          )}
        </>
      )}
      {error && <View className="form-error">{error}</View>}
    </View>
  );
}
