// 公开答复: replied tickets whose submitters allowed it (names, phones, ID numbers and house numbers masked by the
// server), newest first, paged; and 部门统计: received, 回复率, 按期办结率, 满意率 per department as bars.
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { dateText } from '@/utils/time';
import { LoadState } from '@/components/load-state';
import { PageShell } from '@/components/page-shell';
import { Pager } from '@/components/pager';
import type { DepartmentStatsRow, PublicTicket } from '@/domain/api';
import { useRemote } from '@/hooks/use-remote';
import { call } from '@/services/call';
import './index.scss';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

function Board() {
  const [page, setPage] = useState(1);
  const fetcher = useCallback(() => call('hotline', 'publicList', { page }), [page]);
  const state = useRemote(fetcher);
  return (
    <LoadState state={state}>
      {({ tickets, hasMore }) => (
        <>
          {tickets.length === 0 && (
            <View className="card">
              <Text className="muted">还没有公开的答复。</Text>
            </View>
          )}
          {tickets.map((t: PublicTicket) => (
            <View key={t.ticketNo} className="card hotline-board__item">
              <Text className="hotline-board__title">{t.title}</Text>
              <Text className="hotline-board__meta">
                {t.ticketNo} · {t.category} · {dateText(t.createdAt)}
              </Text>
              <Text className="hotline-text">{t.content}</Text>
              <View className="hotline-board__reply">
                <Text className="hotline-board__from">
                  {t.departmentName} 答复（{dateText(t.repliedAt)}）
                </Text>
                <Text className="hotline-text">{t.reply}</Text>
              </View>
              {t.score !== null && <Text className="hotline-board__meta">群众评价：{t.score} 分</Text>}
            </View>
          ))}
          <Pager page={page} first={1} hasMore={hasMore} onPage={setPage} />
        </>
      )}
    </LoadState>
  );
}

function Bar({ label, value }: { label: string; value: number | null }) {
  return (
    <View className="hotline-bar">
      <Text className="hotline-bar__label">{label}</Text>
      <View className="hotline-bar__track">
        <View className="hotline-bar__fill" style={{ width: `${Math.round((value ?? 0) * 100)}%` }} />
      </View>
      <Text className="hotline-bar__value">{percent(value)}</Text>
    </View>
  );
}

function Stats() {
  const fetcher = useCallback(() => call('hotline', 'stats', {}), []);
  const state = useRemote(fetcher);
  return (
    <LoadState state={state}>
      {({ departments, total }) => (
        <>
          <View className="card hotline-stats__total">
            <Text className="card__title">全部部门</Text>
            <Text className="hotline-text">
              受理 {total.received} 件，答复 {total.replied} 件
              {total.averageReplyWorkdays !== null ? `，平均${replyTime(total.averageReplyWorkdays)}答复` : ''}
            </Text>
            <Bar label="回复率" value={total.replyRate} />
            <Bar label="按期率" value={total.onTimeRate} />
            <Bar label="满意率" value={total.satisfaction} />
          </View>
          {departments.map((d: DepartmentStatsRow) => (
            <View key={d.departmentId} className="card hotline-stats__dept">
              <Text className="card__title">{d.name}</Text>
              <Text className="hotline-board__meta">
                受理 {d.received} · 答复 {d.replied}
                {d.averageReplyWorkdays !== null ? ` · 平均${replyTime(d.averageReplyWorkdays)}答复` : ''}
                {d.averageScore !== null ? ` · 平均 ${d.averageScore} 分` : ''}
              </Text>
              <Bar label="回复率" value={d.replyRate} />
              <Bar label="按期率" value={d.onTimeRate} />
              <Bar label="满意率" value={d.satisfaction} />
            </View>
          ))}
        </>
      )}
    </LoadState>
  );
}

/** The average reply time: "0 个工作日" (answered the day it came, which workdays do not count) said as people do. */
export function replyTime(workdays: number): string {
  return workdays < 1 ? '不到 1 个工作日' : ` ${workdays} 个工作日`;
}

export default function HotlineBoardPage() {
  const [tab, setTab] = useState<'board' | 'stats'>('board');
  return (
    <PageShell>
      <View className="hotline-tabs">
        <Text className={`hotline-tab${tab === 'board' ? ' hotline-tab--on' : ''}`} onClick={() => setTab('board')}>
          公开答复
        </Text>
        <Text className={`hotline-tab${tab === 'stats' ? ' hotline-tab--on' : ''}`} onClick={() => setTab('stats')}>
          部门统计
        </Text>
      </View>
      {tab === 'board' ? <Board /> : <Stats />}
    </PageShell>
  );
}
