// 民声热线's public side in the H5 build, against the local cloud with the demo data: a person typing an appeal is
// shown a 知识库 answer and stops there (直接答复, counted, no ticket); an admin merges a duplicate at triage and the
// duplicate's submitter then sees the earlier ticket's progress and reply; a person asks a question for the upcoming
// 热线节目 (routed to the department on air), and the aired programme's page shows the masked answer and the replay.
// Screenshots at 375 px, the programme page also in 大字模式.
import type { Page } from 'playwright-core';
import type { KnowledgeItem, ProgrammeSummary } from '@/domain/api/hotline-public';
import { DEMO_KNOWLEDGE_TITLES, DEMO_PROGRAMME_TOPICS } from '../../emulator/demo/hotline-public';
import { screenshot, describeBrowser } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const HANDLER = 'demo-handler';
const ASKER = 'e2e-hotline-kb';
const FIRST = 'e2e-hotline-first';
const DUPLICATE = 'e2e-hotline-dup';
const GUEST = 'e2e-hotline-guest';
/** Taro.setStorageSync's H5 format for the 大字模式 switch (src/services/preferences.ts). */
const LARGE_FONT_KEY = 'jgdj.large-font';

/** The same street lamp reported twice in other words (same category and department, so similar at submit). */
const LAMP = {
  category: '求助',
  title: '幸福路路灯不亮',
  content: '我叫王小明，电话13912345678，幸福路小区门口的路灯坏了一周，晚上出行很不方便，请尽快修复。',
  departmentId: 'jyj',
  contactName: '王小明',
  isPublic: true,
} as const;
const LAMP_AGAIN = {
  ...LAMP,
  title: '幸福路小区路灯坏了',
  content: '幸福路小区门口路灯坏了一个多星期，晚上出门不方便，希望尽快修复。',
  contactName: '李四',
};

const field = (page: Page, placeholder: string) =>
  shown(page, `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();
const button = (page: Page, text: string) => shown(page, '.nut-button').filter({ hasText: text }).first();

describeBrowser('民声热线 public side in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  const withPage = (name: string, openid: string, hash: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, hash, fn, openid);

  const helpfulOf = async (title: string) => {
    const { items } = await emu().data<{ items: KnowledgeItem[] }>('hotline', 'knowledgeList', {}, ADMIN);
    const item = items.find((k) => k.title === title);
    if (!item) throw new Error(`the demo 知识库 has no “${title}”`);
    return item.helpful;
  };

  it('a 知识库 answer shown before submitting settles the question (直接答复)', async () => {
    const before = await helpfulOf(DEMO_KNOWLEDGE_TITLES.fund);
    await withPage('hotline-kb', ASKER, '/pages/hotline-submit/index', async (page) => {
      await waitForText(page, '.card__title', '诉求类别');
      await shown(page, '.hotline-chip').filter({ hasText: '咨询' }).click();
      await field(page, '一句话说明问题').fill('辞职了公积金怎么提取');
      const hint = await waitForText(page, '.knowledge-hint__title', DEMO_KNOWLEDGE_TITLES.fund);
      await hint.click();
      await waitForText(page, '.knowledge-hint', '3个工作日到账');
      await scrollTo(page, '.knowledge-hints');
      await settled(page);
      await screenshot(page, 'hotline-knowledge-hint');
      await button(page, '已解决，不用提交了').click();
      await waitForText(page, '.hotline-done__title', '问题已直接答复');
      await settled(page);
      await screenshot(page, 'hotline-direct-answer');
    });
    expect(await helpfulOf(DEMO_KNOWLEDGE_TITLES.fund)).toBe(before + 1);
    // Nothing was submitted.
    expect((await emu().data<{ tickets: unknown[] }>('hotline', 'mine', {}, ASKER)).tickets).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('an admin merges a duplicate at triage; its submitter follows the earlier ticket to its reply', async () => {
    const { data } = emu();
    const parent = await data<{ ticketId: string; ticketNo: string }>('hotline', 'submit', LAMP, FIRST);
    const child = await data<{ ticketId: string; ticketNo: string }>('hotline', 'submit', LAMP_AGAIN, DUPLICATE);

    await withPage('hotline-merge', ADMIN, '/admin/hotline-triage/index', async (page) => {
      await shown(page, '.hotline-ticket-row').filter({ hasText: LAMP_AGAIN.title }).click();
      await waitForText(page, '.hotline-detail__title', LAMP_AGAIN.title);
      const suggestion = await waitForText(page, '.hotline-similar', parent.ticketNo);
      await suggestion.scrollIntoViewIfNeeded();
      await settled(page);
      await screenshot(page, 'hotline-merge-suggestion');
      await suggestion.locator('.nut-button').filter({ hasText: '并入此件' }).click();
      await toastCame(page, `已并入 ${parent.ticketNo}`);
      await waitForText(page, '.hotline-merged', `已并入诉求 ${parent.ticketNo} 一并办理`);
      await waitForText(page, '.hotline-status', '已并单');
    });

    // The earlier ticket is handled as usual: assigned to 市教育局 and answered by its handler.
    await data('hotline', 'assign', { ticketId: parent.ticketId, departmentId: 'jyj' }, ADMIN);
    await data('hotline', 'reply', { ticketId: parent.ticketId, content: '路灯已于今日全部修复，感谢监督。' }, HANDLER);

    await withPage('hotline-merged', DUPLICATE, `/pages/hotline-ticket/index?id=${child.ticketId}`, async (page) => {
      const merged = await waitForText(page, '.hotline-merged', `已并入诉求 ${parent.ticketNo} 一并办理`);
      await waitForText(page, '.hotline-merged', '路灯已于今日全部修复，感谢监督。');
      expect(await merged.locator('.hotline-status').innerText()).toBe('已答复');
      await waitForText(page, '.hotline-timeline__item', '并单');
      await scrollTo(page, 'top');
      await settled(page);
      await screenshot(page, 'hotline-merged-child');
    });

    const parentSeen = await data<{ mergedNos: string[] }>('hotline', 'get', { ticketId: parent.ticketId }, ADMIN);
    expect(parentSeen.mergedNos).toEqual([child.ticketNo]);
    expect(pageErrors).toEqual([]);
  });

  it('a question for the upcoming programme goes to the department on air; the aired page shows answers masked', async () => {
    const { data } = emu();
    const { programmes } = await data<{ programmes: ProgrammeSummary[] }>('hotline', 'programmeList', {});
    const upcoming = programmes.find((p) => p.topic === DEMO_PROGRAMME_TOPICS.upcoming);
    const aired = programmes.find((p) => p.topic === DEMO_PROGRAMME_TOPICS.aired);
    if (!upcoming || !aired) throw new Error('the demo data has no upcoming and aired programme');

    await withPage('hotline-programme-ask', GUEST, '/pages/hotline-programme/index', async (page) => {
      await waitForText(page, '.programme-card__topic', DEMO_PROGRAMME_TOPICS.aired);
      await settled(page);
      await screenshot(page, 'hotline-programmes');
      await shown(page, '.programme-card').filter({ hasText: DEMO_PROGRAMME_TOPICS.upcoming }).click();
      await waitForText(page, '.programme-hero__topic', DEMO_PROGRAMME_TOPICS.upcoming);
      await waitForText(page, '.programme-phase', '征集问题中');
      await button(page, '我要提问').click();
      await waitForText(page, '.card__title', `热线节目提问：${DEMO_PROGRAMME_TOPICS.upcoming}`);
      await shown(page, '.hotline-chip').filter({ hasText: '咨询' }).click();
      await shown(page, '.hotline-chip').filter({ hasText: '市住建局' }).click();
      await field(page, '一句话说明问题').fill('加装电梯的补贴怎么申请');
      await field(page, '请写明时间、地点和具体情况').fill('我们单元想加装电梯，补贴标准是多少，找哪个部门申请？');
      await shown(page, '.hotline-submit').click();
      await waitForText(page, '.hotline-done__title', '提交成功');
    });
    const { tickets } = await data<{ tickets: Array<{ ticketId: string }> }>('hotline', 'mine', {}, GUEST);
    expect(tickets).toHaveLength(1);
    const asked = await data<{ status: string; departmentId: string; programmeId: string }>(
      'hotline',
      'get',
      { ticketId: tickets[0].ticketId },
      GUEST,
    );
    expect(asked).toMatchObject({ status: 'assigned', departmentId: 'zjj', programmeId: upcoming.programmeId });
    const after = await data<{ programme: ProgrammeSummary }>('hotline', 'programmeGet', {
      programmeId: upcoming.programmeId,
    });
    expect(after.programme.asked).toBe(upcoming.asked + 1);

    await withPage(
      'hotline-programme-aired',
      GUEST,
      `/pages/hotline-programme/index?id=${aired.programmeId}`,
      async (page) => {
        const question = await waitForText(page, '.programme-question', '随迁子女转学需要什么手续');
        const text = await question.innerText();
        expect(text).toContain('135****7777');
        expect(text).not.toContain('13566667777');
        expect(text).not.toContain('赵丽');
        expect(text).toContain('市教育局 答复');
        await waitForText(page, '.programme-replay', '节目回放：https://example.cn/minsheng/replay/2020-06');
        expect(await shown(page, '.nut-button').filter({ hasText: '我要提问' }).count()).toBe(0);
        await settled(page);
        await screenshot(page, 'hotline-programme-aired');
        await question.scrollIntoViewIfNeeded();
        await settled(page);
        await screenshot(page, 'hotline-programme-answer');

        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.programme-question', '随迁子女转学需要什么手续');
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'hotline-programme-aired-large');
        await scrollTo(page, '.programme-question');
        await settled(page);
        await screenshot(page, 'hotline-programme-answer-large');
      },
    );

    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
