// 换届选举台账 in the H5 build, in a real browser against the local cloud with the demo data: the 工委 sees the
// overdue branch first and the counts; the secretary of the branch due in 2 months opens its term, records the
// 换届选举 and the branch is back within its term, on the register and through the function. Screenshots at 375 px,
// the register also in 大字模式.
import type { TermRow } from '@/domain/api/register';
import { DEMO_ORGS } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, scrollTo, settled, shown, toastCame, waitForText } from './ui';

jest.setTimeout(240_000);

const ADMIN = 'demo-admin';
const SECRETARY = 'demo-secretary';
const LARGE_FONT_KEY = 'jgdj.large-font';
const orgName = (orgId: string) => DEMO_ORGS.find((o) => o.orgId === orgId)?.name ?? orgId;

describeBrowser('换届选举台账 in the H5 build', () => {
  const session = e2eSession();
  const { emu, pageErrors } = session;

  it('shows the overdue first; the secretary records the 换届 and the branch is back within its term', async () => {
    await session.withPage(
      'register-admin',
      '/admin/register-terms/index',
      async (page) => {
        await waitForText(page, '.terms__row', orgName('jyj-2'));
        const first = shown(page, '.terms__row').first();
        expect(await first.textContent()).toContain(orgName('jyj-2'));
        expect(await first.textContent()).toContain('已超期');
        await waitForText(page, '.terms__row', orgName('zjj-1'));
        await settled(page);
        await screenshot(page, 'register-terms');
        await page.evaluate((key) => window.localStorage.setItem(key, JSON.stringify({ data: true })), LARGE_FONT_KEY);
        await page.reload();
        await waitForText(page, '.terms__row', orgName('jyj-2'));
        await settled(page);
        await screenshot(page, 'register-terms-large');
      },
      ADMIN,
    );

    await session.withPage(
      'register-secretary',
      '/admin/register-terms/index',
      async (page) => {
        await waitForText(page, '.terms__row', orgName('fgw-1'));
        // The secretary keeps the own branch only.
        expect(await shown(page, '.terms__row').count()).toBe(1);
        await shown(page, '.terms__row')
          .filter({ hasText: orgName('fgw-1') })
          .click();
        await waitForText(page, '.term-line', '提醒日');
        await waitForText(page, '.term-election', '选举');
        await settled(page);
        await screenshot(page, 'register-term');

        await shown(page, '.field').filter({ hasText: '应到人数' }).locator('input').fill('13');
        await shown(page, '.field').filter({ hasText: '实到人数' }).locator('input').fill('12');
        await shown(page, '.field')
          .filter({ hasText: '选举结果' })
          .locator('input')
          .fill('选举产生新一届支部委员会，王建国当选书记');
        await scrollTo(page, '.term-save');
        await settled(page);
        await screenshot(page, 'register-election-form');
        await clickButton(page, '.term-save');
        await toastCame(page, '已保存，任期至');
        await waitForText(page, '.terms__state', '任期内');
        await scrollTo(page, 'top');
        await settled(page);
        await screenshot(page, 'register-term-saved');
      },
      SECRETARY,
    );

    const { rows } = await emu().data<{ rows: TermRow[] }>('register', 'terms', {}, ADMIN);
    expect(rows.find((r) => r.orgId === 'fgw-1')).toMatchObject({ state: 'ok', secretaryName: '王建国' });
    expect(rows[0].orgId).toBe('jyj-2');
    expect(pageErrors).toEqual([]);
  });
});
