// Identity and roster in the H5 build, in a real browser against the local cloud with the demo data:
// a new openid binds to an unbound roster member on 我的 (after a wrong phone is refused), and the admin imports a
// pasted roster with one bad row. Each result is checked on the page and again through the gateway.
import type { Page } from 'playwright-core';
import type { MemberRow, OrgRow } from '@/domain/api';
import { DEMO_ROSTER } from '../../emulator/demo/seed';
import { describeBrowser, screenshot } from './browser';
import { e2eSession } from './session';
import { clickButton, scrollTo, settled, shown, textOf, toastCame, waitForText } from './ui';

jest.setTimeout(120_000);

const ADMIN = 'demo-admin';
/** A WeChat identity the demo data has never seen. */
const NEW_OPENID = 'e2e-new-member';
/** What 我的 says when user.bind answers NOT_FOUND (src/pages/mine/bind-form.tsx). */
const NOT_FOUND_MESSAGE = '未在党员名册中找到，请核对姓名和手机号或联系支部书记';

describeBrowser('identity and roster in the H5 build', () => {
  const { emu, pageErrors, withPage } = e2eSession();

  /** On 我的: types `openid` into the identity switcher and uses it; waits until the page shows it. */
  async function useOpenid(page: Page, openid: string): Promise<void> {
    await shown(page, '.identity-switcher__input input').fill(openid);
    await clickButton(page, '.identity-switcher__use');
    await waitForText(page, '.identity-switcher__openid', openid);
  }

  it('a new openid binds to a roster member on 我的: a wrong phone is refused, the right one shows the member card', async () => {
    const { data, call } = emu();
    // An unbound member of the demo roster; the gateway masks phones, the seed has the real one.
    const { orgs } = await data<{ orgs: OrgRow[] }>('org', 'list', {});
    const roster = await data<{ members: MemberRow[] }>('org', 'members', {}, ADMIN);
    const unbound = roster.members.filter((m) => !m.bound);
    expect(unbound.length).toBeGreaterThan(0);
    const target = unbound[0];
    const seeded = DEMO_ROSTER.find((r) => r.name === target.name && r.orgId === target.orgId);
    if (!seeded) throw new Error(`${target.name} (${target.orgId}) is not in emulator/demo/seed.ts's DEMO_ROSTER`);
    expect(target.phone.slice(-4)).toBe(seeded.phone.slice(-4));
    const orgName = orgs.find((o) => o.orgId === target.orgId)?.name;
    if (!orgName) throw new Error(`org ${target.orgId} of ${target.name} is not in org.list`);
    // A well-formed phone that is on nobody's roster entry.
    const wrongPhone = '13999999999';
    expect(DEMO_ROSTER.some((r) => r.phone === wrongPhone)).toBe(false);

    // The new openid is nobody yet.
    const before = await data<{ member: unknown }>('user', 'login', {}, NEW_OPENID);
    expect(before.member).toBeNull();

    await withPage('mine', '/pages/mine/index', async (page) => {
      // A fresh browser is anonymous.
      await waitForText(page, '.identity-switcher__openid', '匿名访问（群众）');
      await waitForText(page, '.mine-card__name', '未识别微信身份');

      await useOpenid(page, NEW_OPENID);
      await waitForText(page, '.mine-card__name', '未绑定党员身份');
      await waitForText(page, '.bind-form .card__title', '绑定党员身份');
      // The choice is what the app keeps and sends as X-WX-OPENID.
      expect(await page.evaluate(() => window.localStorage.getItem('jgdj.dev-openid'))).toBe(NEW_OPENID);

      // The right name with a wrong phone: NOT_FOUND, shown as the form's message, and nothing is bound.
      await shown(page, '.bind-form input[name="name"]').fill(target.name);
      await shown(page, '.bind-form input[name="phone"]').fill(wrongPhone);
      await clickButton(page, '.bind-form__submit');
      await waitForText(page, '.bind-form .form-error', NOT_FOUND_MESSAGE);
      expect(await textOf(page, '.mine-card__name')).toBe('未绑定党员身份');
      expect((await data<{ member: unknown }>('user', 'login', {}, NEW_OPENID)).member).toBeNull();
      await scrollTo(page, 'top');
      await settled(page);
      await screenshot(page, 'mine-bind-form');

      // The right phone: the member card replaces the form.
      await shown(page, '.bind-form input[name="phone"]').fill(seeded.phone);
      await clickButton(page, '.bind-form__submit');
      await toastCame(page, '绑定成功');
      await waitForText(page, '.mine-card__name', target.name);
      await waitForText(page, '.mine-card__org', orgName);
      expect(await textOf(page, '.mine-card__badge')).toBe('党员');
      expect(await shown(page, '.bind-form').count()).toBe(0);
      expect(await textOf(page, '.mine-roles__none')).toBe('党员（无管理角色）');
      await scrollTo(page, 'top');
      await settled(page);
      await screenshot(page, 'mine-bound');

      // 首页 greets the member by name with the org.
      await shown(page, '.weui-tabbar__item').filter({ hasText: '首页' }).click();
      await waitForText(page, '.home-hero__hello', `${target.name}同志，您好`);
      expect(await textOf(page, '.home-hero__sub')).toBe(orgName);
      await settled(page);
      await screenshot(page, 'home-member');
    });

    // The binding is stored: user.login as the new openid, and the roster shows the member as bound.
    const after = await data<{ openid: string; member: { memberId: string; name: string; orgId: string } | null }>(
      'user',
      'login',
      {},
      NEW_OPENID,
    );
    expect(after.openid).toBe(NEW_OPENID);
    expect(after.member).toEqual({ memberId: target.memberId, name: target.name, orgId: target.orgId });
    const rosterAfter = await data<{ members: MemberRow[] }>('org', 'members', { orgId: target.orgId }, ADMIN);
    expect(rosterAfter.members.find((m) => m.memberId === target.memberId)?.bound).toBe(true);
    // The member cannot be taken by another openid now.
    const again = await call('user', 'bind', { name: target.name, phone: seeded.phone }, 'e2e-someone-else');
    expect(again.ok ? 'ok' : again.error.code).toBe('ALREADY_EXISTS');
    expect(emu().loggedErrors).toEqual([]);
  });

  it('the admin pastes a roster with one bad row: 2 created, the bad row listed with its reason and not imported', async () => {
    const { data } = emu();
    const orgId = 'gw-jg';
    const { orgs } = await data<{ orgs: OrgRow[] }>('org', 'list', {});
    const orgName = orgs.find((o) => o.orgId === orgId)?.name;
    if (!orgName) throw new Error(`the demo data has no org ${orgId}`);
    const rosterBefore = await data<{ members: MemberRow[]; total: number }>('org', 'members', { orgId }, ADMIN);
    const rows = [
      { name: '严试新', phone: '13912340001', org: orgName },
      { name: '欧阳测', phone: '13912340002', org: orgId },
      { name: '钱错号', phone: '12345', org: orgName },
    ];
    for (const r of rows) expect(rosterBefore.members.some((m) => m.name === r.name)).toBe(false);
    // As copied from Excel: tab-separated cells, one member per line.
    const pasted = rows.map((r) => [r.name, r.phone, r.org].join('\t')).join('\n');

    await withPage('admin-import', '/pages/mine/index', async (page) => {
      await waitForText(page, '.identity-switcher__openid', '匿名访问（群众）');
      // The switcher lists the demo identities; the admin is one of them.
      await shown(page, '.identity-switcher__item').filter({ hasText: ADMIN }).click();
      await waitForText(page, '.identity-switcher__openid', ADMIN);
      await waitForText(page, '.mine-roles__tag', '管理员');

      // 我的 -> 管理 -> 党员名册 -> 导入名册.
      await (await waitForText(page, '.mine-menu__item', '党员名册')).click();
      await waitForText(page, '.admin-head__title', '党员名册');
      await waitForText(page, '.card__hint', /共 \d+ 人/);
      await clickButton(page, '.admin-head .nut-button');
      await waitForText(page, '.segmented__item--on', '粘贴表格');

      await shown(page, '.import-textarea textarea').fill(pasted);
      // The page checks the rows before sending them.
      await waitForText(page, '.import-preview__text', '识别到 2 行可导入');
      await waitForText(page, '.import-submit', '导入 2 行');
      await clickButton(page, '.import-submit');

      await waitForText(page, '.import-result .card__title', '导入结果');
      const stat = async (label: string) =>
        (
          await shown(page, '.import-result .stats__item')
            .filter({ hasText: label })
            .locator('.stats__value')
            .innerText()
        ).trim();
      expect(await stat('新增')).toBe('2');
      expect(await stat('更新')).toBe('0');
      expect(await stat('未导入')).toBe('1');
      const errorRows = shown(page, '.import-result .row-errors__row');
      expect(await errorRows.count()).toBe(1);
      expect((await errorRows.locator('.row-errors__line').innerText()).trim()).toBe('3');
      expect(await errorRows.locator('.row-errors__reason').innerText()).toMatch(/手机号格式不正确/);
      await scrollTo(page, '.import-result', 'end');
      await settled(page);
      await screenshot(page, 'admin-import-row-error');
    });

    // The two good rows are on the roster of that org (unbound, phones masked), the bad one is not.
    const rosterAfter = await data<{ members: MemberRow[]; total: number }>('org', 'members', { orgId }, ADMIN);
    expect(rosterAfter.total).toBe(rosterBefore.total + 2);
    for (const r of rows.slice(0, 2)) {
      expect(rosterAfter.members.find((m) => m.name === r.name)).toMatchObject({
        orgId,
        bound: false,
        phone: `${r.phone.slice(0, 3)}****${r.phone.slice(-4)}`,
      });
    }
    const all = await data<{ members: MemberRow[] }>('org', 'members', {}, ADMIN);
    expect(all.members.some((m) => m.name === rows[2].name)).toBe(false);
    expect(emu().loggedErrors).toEqual([]);
  });

  it('the page threw no uncaught errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
