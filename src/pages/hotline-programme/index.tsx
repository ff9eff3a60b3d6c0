// 热线节目 (上线单位): without ?id= the programmes, newest first; with ?id= one programme: its topic, time and the
// departments on air; before it airs a button to send a question (routed to the chosen department on air), after it
// airs the answered questions (masked as on the public board, only those their submitters allowed) and the replay.
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { HOTLINE_PAGES } from '@/components/hotline-ui';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import type { ProgrammeQuestion, ProgrammeSummary } from '@/domain/api/hotline-public';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import { dateText, dateTimeText } from '@/utils/time';
import './index.scss';

function Departments({ p }: { p: ProgrammeSummary }) {
  return (
    <View className="programme-depts">
      {p.departments.map((d) => (
        <Text key={d.departmentId} className="programme-dept">
          {d.name}
        </Text>
      ))}
    </View>
  );
}

function ProgrammeList() {
  const [page, setPage] = useState(1);
  const fetcher = useCallback(() => call('hotline', 'programmeList', { page }), [page]);
  const state = useRemote(fetcher);
  return (
    <LoadState state={state}>
      {({ programmes, hasMore }) => (
        <>
          <View className="programme-hero">
            <Text className="programme-hero__topic">民声热线 · 热线节目</Text>
            <Text className="programme-hero__meta">部门负责人上线答复群众问题，节目前可以先提问</Text>
          </View>
          {programmes.length === 0 && (
            <View className="card">
              <Text className="muted">还没有安排热线节目。</Text>
            </View>
          )}
          {programmes.map((p) => (
            <View
              key={p.programmeId}
              className="card programme-card"
              onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.programme(p.programmeId) })}
            >
              <Text className="programme-card__topic">{p.topic}</Text>
              <Text className="programme-card__meta">
                {dateTimeText(p.airAt)} 播出 · {p.phaseName} · 已收到问题 {p.asked} 个
              </Text>
              <Departments p={p} />
            </View>
          ))}
          <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

function Question({ q }: { q: ProgrammeQuestion }) {
  return (
    <View className="card programme-question">
      <Text className="programme-question__title">{q.title}</Text>
      <Text className="programme-question__meta">
        {q.ticketNo} · {q.category}
      </Text>
      <Text className="hotline-text">{q.content}</Text>
      <View className="programme-question__reply">
        <Text className="programme-question__from">
          {q.departmentName} 答复（{dateText(q.repliedAt)}）
        </Text>
        <Text className="hotline-text">{q.reply}</Text>
      </View>
    </View>
  );
}

function Programme({ programmeId }: { programmeId: string }) {
  const [page, setPage] = useState(1);
  const fetcher = useCallback(() => call('hotline', 'programmeGet', { programmeId, page }), [programmeId, page]);
  const state = useRemote(fetcher);
  return (
    <LoadState state={state}>
      {({ programme: p, questions, hasMore }) => (
        <>
          <View className="programme-hero">
            <Text className="programme-hero__topic">{p.topic}</Text>
            <Text className="programme-hero__meta">播出时间：{dateTimeText(p.airAt)}</Text>
            {p.description && <Text className="programme-hero__meta">{p.description}</Text>}
            <Text className="programme-phase">{p.phaseName}</Text>
          </View>
          <View className="card programme-card">
            <Text className="card__title">上线单位</Text>
            <Departments p={p} />
            {p.replayUrl && (
              <>
                <Text className="programme-replay">节目回放：{p.replayUrl}</Text>
                <View className="actions">
                  <Button
                    size="large"
                    fill="outline"
                    onClick={() =>
                      Taro.setClipboardData({ data: p.replayUrl as string }).then(() =>
                        Taro.showToast({ title: '回放链接已复制', icon: 'success' }),
                      )
                    }
                    style={{ flex: 1 }}
                  >
                    复制回放链接
                  </Button>
                </View>
              </>
            )}
          </View>
          {p.phase === 'upcoming' ? (
            <View className="card programme-card">
              <Text className="hotline-text">
                节目播出前可以先提问，问题直接转给您选择的上线单位，节目中或节目后答复。已收到问题 {p.asked} 个。
              </Text>
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  onClick={() => Taro.navigateTo({ url: HOTLINE_PAGES.submitFor(p.programmeId) })}
                  style={{ flex: 1 }}
                >
                  我要提问
                </Button>
              </View>
            </View>
          ) : (
            <>
              <View className="card programme-card">
                <View className="card__title">本期答复</View>
                <Text className="muted">
                  收到问题 {p.asked} 个；下面是提问人同意公开的答复（姓名、电话、证件号和门牌号已打码）。
                </Text>
              </View>
              {questions.length === 0 && (
                <View className="card">
                  <Text className="muted">还没有公开的答复。</Text>
                </View>
              )}
              {questions.map((q) => (
                <Question key={q.ticketNo} q={q} />
              ))}
              <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
            </>
          )}
        </>
      )}
    </LoadState>
  );
}

export default function HotlineProgrammePage() {
  const { params } = useRouter();
  return <PageShell>{params.id ? <Programme programmeId={params.id} /> : <ProgrammeList />}</PageShell>;
}
