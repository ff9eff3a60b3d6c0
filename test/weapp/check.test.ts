// The weapp check on fixture mini-programs (test/fixtures/weapp*): it passes a page that shows its data and fails,
// naming the page and the cause, on a template wcc rejects, a logged error, an API the base library lacks, a
// missing template, and a page the visit table does not list.
import { join } from 'node:path';
import { formatReport, runWeappCheck } from './check';
import type { DemoIds, Role, Visit } from './pages';
import { ROLE_OPENIDS } from './pages';
import { compareVersions, wxApiNames } from './wx-api';

const fixtures = join(__dirname, '..', 'fixtures');
const ids = {} as DemoIds;
const run = (dist: string, visits: Record<string, Visit[]>) =>
  runWeappCheck({
    dist,
    visits,
    openids: ROLE_OPENIDS as Record<Role, string>,
    ids,
    // No page of the fixtures calls the cloud; a call would fail to connect and be reported.
    gatewayUrl: 'http://127.0.0.1:9',
    textTimeoutMs: 1000,
  });

jest.setTimeout(60_000);

describe('the weapp check', () => {
  it('renders a page that shows its data, and reports what is wrong on the others', async () => {
    const report = await run(join(fixtures, 'weapp'), {
      'pages/good/index': [
        { as: 'member', query: () => ({ name: '张伟' }), expect: ['你好，张伟'], nodes: ['.hello'] },
      ],
      'pages/broken/index': [{ as: 'public', expect: ['坏页面'] }],
    });
    const text = formatReport(report);
    expect(report.ok).toBe(false);
    expect({ rendered: report.rendered, visits: report.visits, pages: report.pages, roles: report.roles }).toEqual({
      rendered: 2,
      visits: 2,
      pages: 3,
      roles: 2,
    });
    expect(text).toMatch(
      /^weapp check: 2\/2 page visits rendered \(3 pages × 2 roles\), 3 errors, 1 template warnings/,
    );
    expect(text).toContain('pages/unlisted/index has no entry in test/weapp/pages.ts: add which roles open it');
    expect(text).toContain('as public: pages/broken/index: console.error: 读取失败');
    expect(text).toMatch(/as public: pages\/broken\/index onLoad: TypeError: wx\.getPrivacySetting is not a function/);
    expect(text).toMatch(/template warning: as public: pages\/broken\/index: .*Template `tmpl_0_i` not found/);
  });

  it('fails a visit whose text does not appear, showing what the page does show', async () => {
    const report = await run(join(fixtures, 'weapp'), {
      'pages/good/index': [{ as: 'member', query: () => ({ name: '李四' }), expect: ['你好，张伟'] }],
      'pages/broken/index': [],
      'pages/unlisted/index': [{ as: 'member', expect: ['没有登记'] }],
    });
    expect(report.rendered).toBe(1);
    expect(report.errors).toContain(
      'pages/good/index as member (name=%E6%9D%8E%E5%9B%9B): no “你好，张伟” on the page; its text: 你好，李四',
    );
  });

  it('fails with the file and line of a template that does not compile', async () => {
    const report = await run(join(fixtures, 'weapp-wxml'), { 'pages/bad/index': [{ as: 'member', expect: [] }] });
    expect(report.ok).toBe(false);
    expect(report.visits).toBe(0);
    expect(report.errors).toEqual([
      expect.stringMatching(/^wcc \(WXML\) rejected the build: .*pages\/bad\/index\.wxml:\d+:\d+/),
    ]);
  });

  it('knows each wx API from the typings with the base library version it needs', () => {
    const names = new Map(wxApiNames().map((a) => [a.name, a.since]));
    expect(names.get('getWindowInfo')).toBe('2.20.1');
    expect(names.has('cloud')).toBe(true);
    expect(names.has('request')).toBe(true);
    expect(names.size).toBeGreaterThan(300);
    expect(compareVersions('2.32.3', '2.29.1')).toBe(1);
    expect(compareVersions('2.29.1', '2.29.1')).toBe(0);
  });
});
