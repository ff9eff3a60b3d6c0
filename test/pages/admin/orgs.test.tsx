// 组织管理: editing an org sends its parent explicitly (null for a top-level org) and refreshes the tree.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import OrgsPage from '@/admin/orgs/index';
import { ORGS, ok, requests, resetAll, serve } from '../helpers';

jest.mock('@/services/transport', () => ({ transport: { init: jest.fn(), callFunction: jest.fn() } }));

beforeEach(resetAll);

describe('组织管理', () => {
  it('moves an org to the top level with parentId null and reloads org.list', async () => {
    serve({
      'user.login': ok({ openid: 'o1', roles: [{ role: 'admin' }], member: null }),
      'org.list': ok(ORGS),
      'org.saveOrg': ok({ orgId: 'org-a2' }),
    });
    render(<OrgsPage />);
    await screen.findByText('组织架构');
    fireEvent.click(screen.getAllByText('编辑')[2]);
    expect(await screen.findByText('编辑组织')).toBeTruthy();

    // The parent picker offers neither the org itself nor a way to lose the tree: pick "无上级".
    const picker = screen.getByLabelText('picker') as HTMLSelectElement;
    const labels = Array.from(picker.options).map((o) => o.textContent?.trim());
    expect(labels).toEqual(['无上级（顶级组织）', '市直机关工委', '发改委第一党支部']);
    fireEvent.change(picker, { target: { value: '0' } });
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() =>
      expect(requests.find((r) => r.key === 'org.saveOrg')?.data).toEqual({
        orgId: 'org-a2',
        name: '发改委第二党支部',
        parentId: null,
      }),
    );
    await waitFor(() => expect(requests.filter((r) => r.key === 'org.list')).toHaveLength(2));
  });

  it('shows 无权限 to a secretary', async () => {
    serve({
      'user.login': ok({ openid: 'o2', roles: [{ role: 'secretary', scopeId: 'org-a1' }], member: null }),
      'org.list': ok(ORGS),
    });
    render(<OrgsPage />);
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
