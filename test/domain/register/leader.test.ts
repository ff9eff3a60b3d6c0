// 领学带学督学's pure rules: visits per year, the last visit, the register's order and the photos a visit may carry.
import {
  compareLeaders,
  VISIT_MAX_PHOTOS,
  visitPhotoPath,
  visitPhotosProblem,
  visitsIn,
  withVisit,
} from '@/domain/register';

const photo = (n: string | number) => `cloud://env.b/register/visits/20260701/${n}.jpg`;

describe('visitsIn / withVisit', () => {
  it('counts the visits of a year and nothing for a year without', () => {
    const v = { lastVisitOn: '2026-03-01', years: { '2025': 3, '2026': 1 } };
    expect(visitsIn(v, 2026)).toBe(1);
    expect(visitsIn(v, 2025)).toBe(3);
    expect(visitsIn(v, 2024)).toBe(0);
    expect(visitsIn({ lastVisitOn: null, years: { '2026': -2 } }, 2026)).toBe(0);
  });

  it('adds a visit to its own year and keeps the latest day as the last visit', () => {
    const first = withVisit({ lastVisitOn: null, years: {} }, '2026-05-01');
    expect(first).toEqual({ lastVisitOn: '2026-05-01', years: { '2026': 1 } });
    const late = withVisit(first, '2025-12-30');
    expect(late).toEqual({ lastVisitOn: '2026-05-01', years: { '2026': 1, '2025': 1 } });
    expect(withVisit(late, '2026-06-01')).toEqual({ lastVisitOn: '2026-06-01', years: { '2026': 2, '2025': 1 } });
  });
});

describe('compareLeaders', () => {
  it('puts those without a visit first, then the fewest visits, then by name', () => {
    const rows = [
      { name: '王芳', visits: 2 },
      { name: '刘洋', visits: 0 },
      { name: '陈静', visits: 1 },
      { name: '李娜', visits: 0 },
    ];
    expect([...rows].sort(compareLeaders).map((r) => r.name)).toEqual(['李娜', '刘洋', '陈静', '王芳']);
  });
});

describe('visit photos', () => {
  it('builds a safe path in the visits folder', () => {
    expect(visitPhotoPath('20260701', 'k3x9', 'JPEG')).toBe('register/visits/20260701/k3x9.jpg');
    expect(visitPhotoPath('2026/07', '../x', 'png')).toBe('register/visits/2026_07/___x.png');
  });

  it('accepts photos of the visits folder only, without repeats, at most the limit', () => {
    expect(visitPhotosProblem([])).toBeNull();
    expect(visitPhotosProblem([photo('a'), photo('b')])).toBeNull();
    expect(visitPhotosProblem([photo('a'), 'cloud://env.b/orglife/20260701/a.jpg'])).toBe(
      '第 2 张照片不是上传到领学记录目录的图片',
    );
    expect(visitPhotosProblem(['cloud://env.b/register/visits/../hotline/a.jpg'])).toMatch(/第 1 张/);
    expect(visitPhotosProblem([photo('a'), photo('a')])).toBe('照片重复');
    expect(visitPhotosProblem(Array.from({ length: VISIT_MAX_PHOTOS + 1 }, (_, i) => photo(i)))).toBe(
      `最多上传 ${VISIT_MAX_PHOTOS} 张照片`,
    );
  });
});
