// 导入名册: pasted rows go to org.importMembers; the result shows counts and every row that was not imported.
import { fireEvent, render, screen, within } from '@testing-library/react';
import ImportPage from '@/admin/import/index';
import type { KeyOutput, Reply } from '../helpers';
import { ORGS, fail, ok, requests, resetAll, serve } from '../helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

const ADMIN: Reply<KeyOutput<'user.login'>> = ok({ openid: 'o-admin', roles: [{ role: 'admin' }], member: null });

beforeEach(resetAll);

function paste(text: string) {
  fireEvent.change(screen.getByPlaceholderText(/姓名/), { target: { value: text } });
}

describe('导入名册', () => {
  it("shows the server's per-row errors with the pasted line numbers", async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'org.importMembers': ok({ created: 1, updated: 0, errors: [{ row: 2, message: '手机号已被其他党员使用' }] }),
    });
    render(<ImportPage />);
    await screen.findByText('名册内容');

    paste(
      [
        '姓名\t手机号\t组织',
        '张三\t13800138000\t发改委第一党支部',
        '李四\t123\t发改委第一党支部',
        '王五\t13900139000\torg-a2',
      ].join('\n'),
    );
    expect(screen.getByText(/识别到 2 行可导入/)).toBeTruthy();
    fireEvent.click(screen.getByText('导入 2 行'));

    const result = await screen.findByText('导入结果');
    const card = result.parentElement as HTMLElement;
    // Sent rows: lines 2 and 4; the server's row 2 is line 4. Line 3 never left the page.
    expect(requests.find((r) => r.key === 'org.importMembers')?.data).toEqual({
      rows: [
        { name: '张三', phone: '13800138000', orgId: 'org-a1' },
        { name: '王五', phone: '13900139000', orgId: 'org-a2' },
      ],
    });
    const rows = within(card)
      .getAllByText(/^[0-9]+$/)
      .map((el) => el.textContent);
    expect(rows).toEqual(expect.arrayContaining(['3', '4']));
    expect(within(card).getByText('手机号已被其他党员使用')).toBeTruthy();
    expect(within(card).getByText(/手机号格式不正确/)).toBeTruthy();
    expect(within(card).getByText('新增')).toBeTruthy();
  });

  it('keeps the rows of a failed call visible with the reason', async () => {
    serve({
      'user.login': ADMIN,
      'org.list': ok(ORGS),
      'org.importMembers': fail('PERMISSION_DENIED', '只能导入本支部的党员'),
    });
    render(<ImportPage />);
    await screen.findByText('名册内容');
    paste('张三\t13800138000\t发改委第一党支部');
    fireEvent.click(screen.getByText('导入 1 行'));
    expect(await screen.findByText('只能导入本支部的党员')).toBeTruthy();
  });

  it('shows 无权限 to a caller without an admin or secretary role', async () => {
    serve({
      'user.login': ok({ openid: 'o-m', roles: [], member: { memberId: 'm', name: '张三', orgId: 'org-a1' } }),
      'org.list': ok(ORGS),
    });
    render(<ImportPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
    expect(screen.queryByText('名册内容')).toBeNull();
  });
});
