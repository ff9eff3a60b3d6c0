// 现场赛 in the H5 build, in a real browser against the local cloud: a host runs a session from the console, the big
// screen (1920×1080) and three players' phones (375 px) each in their own browser context. Players join through the
// screen's code, one answers right, one wrong, one too late; the screen's count and chart change without a reload;
// the reveal and the scoreboard show everywhere; the end shows the podium. Screenshots are left for people to look at.
import type { Page } from 'playwright-core';
import type { LiveHostQuestion } from '../../src/domain/api/live';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, settled, shown, waitForText } from './ui';

jest.setTimeout(300_000);

const HOST = 'demo-admin';
const PLAYERS = ['demo-member', 'demo-member-2', 'demo-member-3'] as const;
/** Long enough for two phones to answer under a loaded CI machine, short enough to wait out for the late one. */
const SECONDS = 12;

/** The number at the start of the first shown element's text ("2 / 3" -> 2). */
async function leadingNumber(page: Page, selector: string): Promise<number> {
  const text = await shown(page, selector).first().innerText();
  return Number(text.trim().match(/^\d+/)?.[0] ?? NaN);
}

/** Waits until the shown element's leading number is `n`: the page updates itself, it is never reloaded. */
async function waitForNumber(page: Page, selector: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) =>
      Array.from(document.querySelectorAll<HTMLElement>(sel)).some(
        (el) => el.offsetParent !== null && Number(el.innerText.trim().match(/^\d+/)?.[0]) === want,
      ),
    [selector, n] as const,
  );
}

describeBrowser('现场赛 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('a host runs a question; three phones answer; the big screen counts, reveals and ranks without reloading', async () => {
    const { data, call } = emu();
    const { sessionId } = await data<{ sessionId: string }>(
      'live',
      'createSession',
      {
        title: '庆祝建党99周年现场知识竞赛',
        teams: true,
        rounds: [{ kind: '必答', questionCount: 2, secondsPerQuestion: SECONDS, types: ['single'] }],
        scoring: 'accuracy',
        readSeconds: 0,
      },
      HOST,
    );
    const id = encodeURIComponent(sessionId);
    const opened: Page[] = [];
    const open = async (name: string, openid: string, hash: string, kind: 'phone' | 'screen' = 'phone') => {
      const page = await session.newPage(name, openid, kind);
      opened.push(page);
      await page.goto(`${emu().url}/#${hash}`);
      return page;
    };

    try {
      // The host opens the lobby from the console.
      const host = await open('live-host', HOST, `/admin/live-run/index?id=${id}`);
      await clickButton(host, '.live-run__button--open');
      await waitForText(host, '.live-phase', '入场中');

      // The projector: the lobby with the join code and nobody in yet.
      const screen = await open('live-screen', HOST, `/admin/live-screen/index?id=${id}`, 'screen');
      await waitForText(screen, '.screen-lobby__label', '人已加入');
      await shown(screen, '.screen-join__image').waitFor();
      const joinUrl = await shown(screen, '.screen-join__code').getAttribute('data-join-url');
      expect(joinUrl).toContain(`#/live/play/index?id=${id}`);

      // Three members "scan" the code: their phones open the address it stands for.
      const phones: Page[] = [];
      for (const [i, openid] of PLAYERS.entries()) {
        const phone = await session.newPage(`live-player-${i + 1}`, openid);
        opened.push(phone);
        await phone.goto(joinUrl as string);
        await waitForText(phone, '.live-play__waiting-title', '已加入，等待开始');
        phones.push(phone);
      }
      await waitForNumber(screen, '.screen-lobby__count', 3);
      await settled(screen);
      await screenshot(screen, 'live-screen-lobby-1920');

      // The first question: on every phone and on the screen.
      await clickButton(host, '.live-run__button--next');
      const view = await data<{ questions: LiveHostQuestion[] }>('live', 'hostView', { sessionId }, HOST);
      const q = view.questions[0];
      const right = q.options[q.answer[0]];
      const wrong = q.options.find((_, i) => !q.answer.includes(i)) as string;
      await waitForText(screen, '.screen-question__stem', q.stem);
      for (const phone of phones) await waitForText(phone, '.quiz-option__text', right);
      await waitForNumber(screen, '.screen-answered__value', 0);

      // One right, one wrong: the screen's count follows without a reload.
      await shown(phones[0], '.quiz-option').filter({ hasText: right }).click();
      await waitForText(phones[0], '.live-play__sent-title', '已作答');
      await waitForNumber(screen, '.screen-answered__value', 1);
      await shown(phones[1], '.quiz-option').filter({ hasText: wrong }).click();
      await waitForText(phones[1], '.live-play__sent-title', '已作答');
      await waitForNumber(screen, '.screen-answered__value', 2);
      await settled(screen);
      await screenshot(screen, 'live-screen-question-1920');
      await screenshot(phones[2], 'live-phone-question-375');

      // The third waits too long: the phone stops taking answers and the server refuses a late one.
      await phones[2].waitForFunction(() => /时间到|停止作答/.test(document.body.innerText), undefined, {
        timeout: (SECONDS + 10) * 1000,
      });
      await new Promise((r) => setTimeout(r, 2_000));
      const late = await call('live', 'answer', { sessionId, index: 0, choice: [q.answer[0]] }, PLAYERS[2]);
      expect(late).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });

      // Reveal: the chart and the right answer on the screen, right/wrong on the phones, the scoreboard everywhere.
      await clickButton(host, '.live-run__button--reveal');
      await waitForText(screen, '.screen-reveal__summary', '答对 1 人 / 作答 2 人');
      await waitForText(screen, '.screen-option--right', right);
      const counts = await shown(screen, '.screen-option__count').allInnerTexts();
      expect(counts.map((c) => c.trim()).sort()).toEqual(
        [...Array(q.options.length - 2).fill('0 人'), '1 人', '1 人'].sort(),
      );
      await waitForText(phones[0], '.live-play__verdict-title', '回答正确');
      await waitForText(phones[1], '.live-play__verdict-title', '回答错误');
      await waitForText(phones[2], '.live-play__verdict-title', '本题未作答');
      await waitForText(screen, '.screen-board__row--r1 .screen-board__name', '张伟');
      expect(await leadingNumber(phones[0], '.live-play__stat-value')).toBeGreaterThan(0);
      await waitForText(phones[0], '.live-play__stat-label', '个人排名');
      await waitForText(host, '.live-run__rank', '1. 张伟');
      await settled(screen);
      await screenshot(screen, 'live-screen-reveal-1920');
      await settled(phones[0]);
      await screenshot(phones[0], 'live-phone-reveal-375');

      // A phone closed and opened again comes back to where the session is, with its score.
      await phones[0].reload();
      await waitForText(phones[0], '.live-play__verdict-title', '回答正确');

      // The end: the podium.
      await clickButton(host, '.live-run__button--end');
      await host.locator('.taro-model__confirm').click();
      await shown(screen, '.screen-podium__place--1').waitFor();
      await waitForText(screen, '.screen-podium__place--1 .screen-podium__name', '张伟');
      await settled(screen);
      await screenshot(screen, 'live-screen-podium-1920');
      await waitForText(phones[1], '.live-play__verdict-title', '现场赛已结束');
    } catch (e) {
      for (const [i, page] of opened.entries()) await screenshot(page, `live-failure-${i}`).catch(() => undefined);
      throw e;
    } finally {
      for (const page of opened) await page.context().close();
    }
    expect(pageErrors).toEqual([]);
    expect(emu().loggedErrors).toEqual([]);
  });
});
