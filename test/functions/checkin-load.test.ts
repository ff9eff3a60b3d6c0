// The `checkin` function under load over its own local cloud: 500 members scanning one activity's code at once.
import type { TestCloud } from '../helpers/cloud';
import { createTestCloud, expectOk } from '../helpers/cloud';
import { ADMIN, allDocs } from './support';

const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

describe('500 members at once', () => {
  let big: TestCloud;
  afterAll(() => big?.close());

  it('records 500 check-ins and counts them right', async () => {
    big = await createTestCloud({ adminOpenids: [ADMIN] });
    await expectOk(big.call('org', 'saveOrg', { orgId: 'big', name: '大支部' }, ADMIN));
    const rows = Array.from({ length: 500 }, (_, i) => ({
      name: `党员${i}`,
      phone: `137${String(i).padStart(8, '0')}`,
      orgId: 'big',
    }));
    await expectOk(big.call('org', 'importMembers', { rows }, ADMIN));
    for (let i = 0; i < rows.length; i += 50) {
      await Promise.all(
        rows
          .slice(i, i + 50)
          .map((r, k) => expectOk(big.call('user', 'bind', { name: r.name, phone: r.phone }, `big-${i + k}`))),
      );
    }
    const { activityId } = await expectOk(
      big.call(
        'checkin',
        'createActivity',
        { title: '全体党员大会', kind: '支部党员大会', orgIds: ['big'], startAt: minutes(10), endAt: minutes(100) },
        ADMIN,
      ),
    );
    const { scene } = await expectOk(big.call('checkin', 'qrToken', { activityId }, ADMIN));
    const results = await Promise.all(rows.map((_, i) => big.call('checkin', 'checkIn', { scene }, `big-${i}`)));
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(500);
    expect((await allDocs('checkins')).filter((d) => d.activityId === activityId)).toHaveLength(500);
    expect((await allDocs('points')).filter((d) => d.sourceId === activityId)).toHaveLength(500);
    const att = await expectOk(big.call('checkin', 'attendance', { activityId }, ADMIN));
    expect(att).toMatchObject({ expected: 500, present: 500, late: 0, rate: 100, absentees: [] });
    expect(await expectOk(big.call('checkin', 'attendance', { activityId, summary: true }, ADMIN))).toMatchObject({
      expected: 500,
      present: 500,
    });
  }, 120_000);
});
