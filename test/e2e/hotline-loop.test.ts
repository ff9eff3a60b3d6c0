// The 12345 handling loop in the H5 build, in a real browser against the local cloud with the demo data (issue 15):
// the 市教育局 handler returns a ticket that is not theirs (退单) with a reason, the admin accepts the return and
// 改派 to 市住建局, whose handler asks for an extension (申请延期), the admin approves it (the new deadline is on the
// ticket), the handler replies, the admin's 回访 reaches the submitter but the problem is not solved, and 重新办理
// sends the ticket back to the handler — every step on the timeline, each taken by the person whose step it is.
import type { Page } from 'playwright-core';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const HANDLER = 'demo-handler';
const HANDLER_ZJJ = 'e2e-loop-handler-zjj';
const SUBMITTER = 'e2e-loop-public';
const TITLE = '小区二次供水水压不足';

const field = (page: Page, placeholder: string) =>
  shown(page, `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();
const button = (page: Page, text: string) => shown(page, '.nut-button').filter({ hasText: text }).first();
const chip = (page: Page, text: string) => shown(page, '.hotline-chip').filter({ hasText: text }).first();

/** The ticket's timeline as shown: each entry's event line. */
async function timelineEvents(page: Page): Promise<string[]> {
  return shown(page, '.hotline-timeline__event').allInnerTexts();
}

describeBrowser('民声热线 12345 loop in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;
  const ticketPage = (name: string, openid: string, ticketId: string, fn: (page: Page) => Promise<void>) =>
    session.withPage(name, `/pages/hotline-ticket/index?id=${ticketId}`, fn, openid);

  it('退单 → 改派 → 延期 → 答复 → 回访 → 重新办理, every step on the timeline', async () => {
    const { data } = emu();
    // 市住建局 gets a handler of its own; the appeal is submitted and assigned to 市教育局 by mistake.
    await data('org', 'grantRole', { openid: HANDLER_ZJJ, role: 'handler', scopeId: 'zjj' }, ADMIN);
    const { ticketId } = await data<{ ticketId: string }>(
      'hotline',
      'submit',
      {
        category: '求助',
        title: TITLE,
        content: '幸福路12号小区高层住户早晚用水高峰水压不足，五楼以上经常停水，已持续两周。',
        departmentId: 'jyj',
        isPublic: false,
      },
      SUBMITTER,
    );
    await data('hotline', 'assign', { ticketId, departmentId: 'jyj' }, ADMIN);

    await ticketPage('hotline-loop-return', HANDLER, ticketId, async (page) => {
      await waitForText(page, '.hotline-detail__title', TITLE);
      await button(page, '退单').click();
      await field(page, '请写明退单理由，如应由哪个部门办理').fill('二次供水设施归住建部门监管，不属于教育局职责');
      await button(page, '提交退单').click();
      await toastCame(page, '已退单，等待审核');
      await waitForText(page, '.hotline-detail__meta', '市教育局申请退单：二次供水设施归住建部门监管');
      // The returning department can no longer reply or return it again.
      expect(await shown(page, '.nut-button').filter({ hasText: '答复' }).count()).toBe(0);
    });

    const { dueAt: dueBefore } = await data<{ dueAt: string }>('hotline', 'get', { ticketId }, ADMIN);

    await ticketPage('hotline-loop-review-return', ADMIN, ticketId, async (page) => {
      await waitForText(page, '.hotline-detail__meta', '市教育局申请退单');
      await settled(page);
      await screenshot(page, 'hotline-loop-returned');
      await button(page, '审核退单').click();
      await chip(page, '市住建局').click();
      await field(page, '审核意见（选填）').fill('请住建局核实处理');
      await button(page, '同意并改派').click();
      await toastCame(page, '已同意退单并改派');
      await waitForText(page, '.hotline-detail__meta', '承办部门：市住建局');
    });

    let proposed = '';
    await ticketPage('hotline-loop-extend', HANDLER_ZJJ, ticketId, async (page) => {
      await waitForText(page, '.hotline-detail__meta', '承办部门：市住建局');
      await button(page, '申请延期').click();
      await chip(page, '3 个工作日').click();
      await field(page, '请写明延期理由').fill('需联系供水公司检测加压泵');
      await button(page, '提交申请').click();
      await toastCame(page, '已申请延期，等待审核');
      const pending = await waitForText(page, '.hotline-detail__meta', '待机关工委审核');
      proposed = /至 (\d{4}-\d{2}-\d{2})/.exec(await pending.innerText())?.[1] ?? '';
      expect(proposed).not.toBe('');
      expect(proposed > dueBefore.slice(0, 10)).toBe(true);
    });

    await ticketPage('hotline-loop-approve', ADMIN, ticketId, async (page) => {
      await waitForText(page, '.hotline-detail__meta', '待机关工委审核');
      await button(page, '同意延期').click();
      await toastCame(page, '已同意延期');
      // The new deadline is the ticket's deadline now.
      await waitForText(page, '.hotline-detail__meta', `办理期限：${proposed}`);
      await waitForText(page, '.hotline-detail__meta', '经审核已延期 3 个工作日');
      await settled(page);
      await screenshot(page, 'hotline-loop-extended');
    });

    await ticketPage('hotline-loop-reply', HANDLER_ZJJ, ticketId, async (page) => {
      await waitForText(page, '.hotline-detail__meta', `办理期限：${proposed}`);
      await button(page, '答复').click();
      await field(page, '请写明办理情况和结果').fill('已会同供水公司更换加压泵，水压已恢复正常。');
      await button(page, '提交答复').click();
      await toastCame(page, '已答复');
      await waitForText(page, '.hotline-status', '已答复');
    });

    await ticketPage('hotline-loop-visit', ADMIN, ticketId, async (page) => {
      await waitForText(page, '.hotline-status', '已答复');
      await button(page, '记录回访').click();
      await chip(page, '已联系上').click();
      await chip(page, '问题未解决').click();
      await field(page, '回访情况（选填）').fill('群众反映高峰时段仍然停水');
      await button(page, '记录回访').click();
      await toastCame(page, '回访已记录');
      await waitForText(page, '.hotline-loop__item', '已联系，问题未解决');
      await settled(page);
      await screenshot(page, 'hotline-loop-visited');
      await button(page, '回访未解决，重新办理').click();
      await toastCame(page, '已交部门重新办理');
      await waitForText(page, '.hotline-status', '办理中');
    });

    await session.withPage(
      'hotline-loop-back',
      '/admin/hotline-queue/index',
      async (page) => {
        // Back in 市住建局's queue, open for a new answer.
        await shown(page, '.hotline-ticket-row').filter({ hasText: TITLE }).click();
        await waitForText(page, '.hotline-detail__title', TITLE);
        await waitForText(page, '.hotline-detail .hotline-status', '办理中');
        await button(page, '答复').waitFor({ state: 'visible' });
        await scrollTo(page, '.hotline-timeline', 'end');
        await settled(page);
        await screenshot(page, 'hotline-loop-timeline');
        const events = await timelineEvents(page);
        const order = [
          '提交诉求',
          '交办',
          '退单',
          '同意退单并改派',
          '申请延期',
          '同意延期',
          '答复',
          '回访',
          '回访未解决，重新办理',
        ];
        let at = -1;
        for (const name of order) {
          const next = events.findIndex((e, i) => i > at && e.includes(name));
          if (next < 0) throw new Error(`“${name}” is not on the timeline after entry ${at}: ${events.join(' | ')}`);
          at = next;
        }
        // A date in a note stays whole on a 375-px phone (it broke after its hyphen: "2026-12-" / "15").
        const dates = await shown(page, '.hotline-timeline__note .nowrap').allInnerTexts();
        expect(dates).toContain(proposed);
        for (const d of await shown(page, '.hotline-timeline__note .nowrap').all()) {
          const box = await d.evaluate((el) => el.getClientRects().length);
          expect(box).toBe(1);
        }
        const notes = await shown(page, '.hotline-timeline__note').allInnerTexts();
        expect(notes).toEqual(
          expect.arrayContaining([
            '二次供水设施归住建部门监管，不属于教育局职责',
            expect.stringContaining('同意延期 3 个工作日，办理期限延至'),
            expect.stringContaining('已联系，问题未解决'),
          ]),
        );
      },
      HANDLER_ZJJ,
    );

    // The submitter was told of the extension and the re-opening (recorded; no template in the local cloud).
    const detail = await data<{ timeline: Array<{ eventName: string }> }>('hotline', 'get', { ticketId }, SUBMITTER);
    expect(detail.timeline.map((e) => e.eventName)).toContain('回访未解决，重新办理');
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
