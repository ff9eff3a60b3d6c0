// The public side of the 12345 loop: 并单 and 知识库 rows of the transition table, duplicate detection by bigram
// Jaccard and MinHash keys, knowledge matching, the board's search keys, 直接答复率 and 重复诉求率, programme phases.
import type { HotlineEvent, HotlineFlow, HotlineStatus } from '@/domain/hotline';
import {
  HOTLINE_SEARCH_KEYS_MAX,
  HOTLINE_STATUSES,
  HOTLINE_TRANSITIONS,
  hotlineAppealGrams,
  hotlineBigrams,
  hotlineDirectRate,
  hotlineDuplicateRate,
  hotlineJaccard,
  hotlineKnowledgeKeys,
  hotlineKnowledgeQueryKeys,
  hotlineKnowledgeRank,
  hotlineKnowledgeScore,
  hotlineMinhashKeys,
  hotlineNormalize,
  hotlineProgrammePhase,
  hotlineReplayUrlOk,
  hotlineSearchKeys,
  hotlineSearchTerms,
  hotlineSimilarMatches,
  hotlineTransition,
} from '@/domain/hotline';

const flow = (status: HotlineStatus): HotlineFlow => ({ status, reopened: false, lastScore: null });

describe('并单 and 知识库答复 in the transition table', () => {
  const MERGE: Record<HotlineStatus, HotlineStatus | null> = {
    submitted: 'merged',
    accepted: 'merged',
    assigned: 'merged',
    replied: null,
    rated: null,
    closed: null,
    rejected: null,
    withdrawn: null,
    merged: null,
    returned: null,
    asked: null,
  };
  const ANSWER: Record<HotlineStatus, HotlineStatus | null> = {
    submitted: 'replied',
    accepted: 'replied',
    assigned: null,
    replied: null,
    rated: null,
    closed: null,
    rejected: null,
    withdrawn: null,
    merged: null,
    returned: null,
    asked: null,
  };
  it.each(HOTLINE_STATUSES.map((s) => [s, MERGE[s], ANSWER[s]]))('%s: merge -> %s, answer -> %s', (s, m, a) => {
    const merge = hotlineTransition(flow(s), 'merge');
    expect(merge.ok ? merge.flow.status : null).toBe(m);
    const answer = hotlineTransition(flow(s), 'answer');
    expect(answer.ok ? answer.flow.status : null).toBe(a);
    if (!merge.ok) expect(merge.message).toBe('只有尚未答复的诉求可以并单');
    if (!answer.ok) expect(answer.message).toBe('只有待受理或已受理的诉求可以用知识库答复');
  });

  it('ends a merged ticket for good: it follows its parent', () => {
    const events = Object.keys(HOTLINE_TRANSITIONS.submitted) as HotlineEvent[];
    for (const e of [...events, 'reply', 'rate', 'reopen', 'close'] as HotlineEvent[])
      expect(hotlineTransition({ status: 'merged', reopened: false, lastScore: 1 }, e).ok).toBe(false);
  });

  it('answers a ticket from the knowledge base into the normal rating path', () => {
    let f = flow('submitted');
    for (const e of ['accept', 'answer', 'rate', 'close'] as HotlineEvent[]) {
      const r = hotlineTransition(f, e);
      if (!r.ok) throw new Error(`${f.status} --${e}--> failed`);
      f = r.flow;
    }
    expect(f.status).toBe('closed');
  });
});

describe('similarity', () => {
  it('normalises width, case and punctuation', () => {
    expect(hotlineNormalize('幸福路，路灯 不亮！ＡＢ１')).toBe('幸福路路灯不亮ab1');
    expect(hotlineBigrams('路灯不亮')).toEqual(['路灯', '灯不', '不亮']);
    expect(hotlineBigrams('灯')).toEqual(['灯']);
    expect(hotlineBigrams('，。')).toEqual([]);
  });

  it('measures Jaccard on sets', () => {
    expect(hotlineJaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(hotlineJaccard([], [])).toBe(0);
    expect(hotlineJaccard(['a', 'a'], ['a'])).toBe(1);
  });

  const lamp = '幸福路路灯不亮\n幸福路小区门口的路灯坏了一周，晚上出行很不方便，请尽快修复。';
  const lampAgain = '幸福路小区路灯坏了\n幸福路小区门口路灯坏了一个多星期，晚上出门不方便，希望尽快修复。';
  const fund = '公积金提取咨询\n请问离职后住房公积金怎样提取，需要带哪些材料？';

  it('finds the same appeal written differently and not an unrelated one', () => {
    const candidates = [
      { ticketId: 't1', ticketNo: 'MS1', title: '幸福路路灯不亮', content: lamp.split('\n')[1] },
      { ticketId: 't2', ticketNo: 'MS2', title: '公积金提取咨询', content: fund.split('\n')[1] },
    ];
    const matches = hotlineSimilarMatches(lampAgain, candidates);
    expect(matches.map((m) => m.ticketId)).toEqual(['t1']);
    expect(matches[0].similarity).toBeGreaterThanOrEqual(0.25);
    expect(hotlineSimilarMatches(fund, candidates.slice(0, 1))).toEqual([]);
  });

  it('keeps the three most similar, best first', () => {
    const candidates = [1, 2, 3, 4].map((i) => ({
      ticketId: `t${i}`,
      ticketNo: `MS${i}`,
      title: '幸福路路灯不亮',
      content: lamp.split('\n')[1].slice(0, 10 + i * 5),
    }));
    const matches = hotlineSimilarMatches(lamp, candidates);
    expect(matches).toHaveLength(3);
    expect(matches.map((m) => m.ticketId)).toEqual(['t4', 't3', 't2']);
  });

  it('gives similar texts shared MinHash keys and unrelated ones almost none', () => {
    const a = hotlineMinhashKeys(lamp);
    expect(a).toHaveLength(8);
    expect(hotlineMinhashKeys(lamp)).toEqual(a);
    const shared = hotlineMinhashKeys(lampAgain).filter((k) => a.includes(k)).length;
    expect(shared).toBeGreaterThanOrEqual(1);
    expect(hotlineMinhashKeys(fund).filter((k) => a.includes(k)).length).toBeLessThanOrEqual(1);
    expect(hotlineMinhashKeys('，')).toEqual([]);
  });

  it('finds a near-duplicate through the keys in nearly every case (the candidate query relies on it)', () => {
    // 200 pairs: a sentence and the same with a few characters changed; MinHash must share a key with Jaccard ≥ 0.25.
    const base = '小区东门外的排水沟堵塞，下雨天积水严重，居民出行困难，已经反映多次没有解决，希望相关部门尽快疏通。';
    let found = 0;
    let similar = 0;
    for (let i = 0; i < 200; i++) {
      const chars = [...base];
      for (let j = 0; j < 4; j++) chars[(i * 7 + j * 13) % chars.length] = '临时变化字句'[j % 6];
      const other = `${i}号${chars.join('')}`;
      if (hotlineJaccard(hotlineAppealGrams(base), hotlineAppealGrams(other)) < 0.25) continue;
      similar++;
      const keys = hotlineMinhashKeys(base);
      if (hotlineMinhashKeys(other).some((k) => keys.includes(k))) found++;
    }
    expect(similar).toBeGreaterThan(150);
    expect(found / similar).toBeGreaterThan(0.97);
  });
});

describe('board search keys', () => {
  it('stores distinct bigrams of the masked texts, bounded', () => {
    expect(hotlineSearchKeys(['路灯', '已修复'])).toEqual(['路灯', '已修', '修复']);
    const long = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    expect(hotlineSearchKeys([long])).toHaveLength(HOTLINE_SEARCH_KEYS_MAX);
  });

  it('searches by the bigrams of each word', () => {
    expect(hotlineSearchTerms('路灯 维修')).toEqual(['路灯', '维修']);
    expect(hotlineSearchTerms('排水沟')).toEqual(['排水', '水沟']);
    expect(hotlineSearchTerms('灯')).toBeNull();
    expect(hotlineSearchTerms('  ，')).toBeNull();
    expect(hotlineSearchTerms('一二三四五六七八九十')).toHaveLength(6);
    const keys = hotlineSearchKeys(['幸福路路灯已维修']);
    expect(hotlineSearchTerms('路灯 维修')!.every((t) => keys.includes(t))).toBe(true);
  });
});

describe('知识库 matching', () => {
  const fund = { title: '离职后公积金怎样提取', keywords: ['公积金', '提取'], category: '咨询' };
  const lamp = { title: '路灯不亮找谁报修', keywords: ['路灯'], category: '求助' };
  const parking = { title: '小区停车收费标准', keywords: ['停车费'], category: null };

  it('keys an answer by its keywords and its question', () => {
    expect(hotlineKnowledgeKeys({ title: '路灯报修', keywords: ['路灯'] })).toEqual(['路灯', '灯报', '报修']);
    expect(hotlineKnowledgeQueryKeys('路灯', '不亮')).toEqual(['路灯', '不亮']);
    expect(hotlineKnowledgeQueryKeys('一'.repeat(1), 'x'.repeat(5) + '甲乙丙'.repeat(100)).length).toBeLessThanOrEqual(
      80,
    );
  });

  it('scores keywords found whole and the question wording', () => {
    expect(hotlineKnowledgeScore(fund, '我想提取住房公积金')).toEqual({ keywords: 2, wording: 0.33 });
    expect(hotlineKnowledgeScore(fund, '路灯不亮')).toBeNull();
    // No keyword, but most of the question's wording.
    expect(hotlineKnowledgeScore({ title: '小区停车收费标准', keywords: [] }, '请问小区停车收费标准是多少')).toEqual({
      keywords: 0,
      wording: 1,
    });
  });

  it('ranks by keywords, then the appeal category, at most three', () => {
    const items = [parking, lamp, fund, { ...fund, title: '公积金提取到账时间', category: '求助' }];
    const ranked = hotlineKnowledgeRank(items, '离职了，公积金怎么提取？', '咨询');
    expect(ranked.map((i) => i.title)).toEqual(['离职后公积金怎样提取', '公积金提取到账时间']);
    expect(hotlineKnowledgeRank(items, '晚上路灯不亮', '求助').map((i) => i.title)).toEqual(['路灯不亮找谁报修']);
    expect(hotlineKnowledgeRank(items, '噪音扰民', '投诉')).toEqual([]);
  });
});

describe('rates', () => {
  it('直接答复率 counts those who stopped at an answer and tickets answered from the knowledge base', () => {
    expect(hotlineDirectRate({ directSelf: 2, directTriage: 1, received: 8 })).toBe(0.3);
    expect(hotlineDirectRate({ directSelf: 0, directTriage: 0, received: 0 })).toBeNull();
  });
  it('重复诉求率 is merged over all that reached the department', () => {
    expect(hotlineDuplicateRate({ merged: 1, received: 9 })).toBe(0.1);
    expect(hotlineDuplicateRate({ merged: 0, received: 0 })).toBeNull();
  });
});

describe('热线节目', () => {
  it('takes questions until it goes on air', () => {
    const air = Date.parse('2020-07-01T10:00:00+08:00');
    expect(hotlineProgrammePhase(air, air - 60_000)).toBe('upcoming');
    expect(hotlineProgrammePhase(air, air)).toBe('aired');
  });
  it('opens only http(s) replay links', () => {
    expect(hotlineReplayUrlOk('https://example.cn/replay/1')).toBe(true);
    expect(hotlineReplayUrlOk('javascript:alert(1)')).toBe(false);
    expect(hotlineReplayUrlOk('https://a b')).toBe(false);
  });
});
