// Photo and daily limits, and the department statistics computed from counters.
import {
  HOTLINE_DAILY_LIMIT,
  HOTLINE_EMPTY_COUNTERS,
  hotlineDepartmentStats,
  hotlineMonths,
  hotlineSumCounters,
  hotlineVisitDelta,
  hotlinePhotoPath,
  hotlinePhotosProblem,
  hotlineRatingDelta,
  hotlineWithinDailyLimit,
} from '@/domain/hotline';

const photo = (name: string) => `cloud://local.local-bucket/hotline/o1/${name}`;

describe('hotlinePhotosProblem', () => {
  it('accepts up to 6 distinct images in the hotline folder', () => {
    expect(hotlinePhotosProblem([])).toBeNull();
    expect(hotlinePhotosProblem(['a.jpg', 'b.jpeg', 'c.png', 'd.webp', 'e.JPG', 'f.png'].map(photo))).toBeNull();
  });

  it.each([
    [['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => photo(`${n}.jpg`)), '最多上传 6 张照片'],
    [[photo('a.jpg'), photo('a.jpg')], '照片重复'],
    [['https://example.com/a.jpg'], '第 1 张照片不是上传到诉求目录的图片'],
    [[photo('a.jpg'), 'cloud://local.local-bucket/rating/x.jpg'], '第 2 张照片不是上传到诉求目录的图片'],
    [[photo('a.exe')], '第 1 张照片不是上传到诉求目录的图片'],
    [[photo('../../secret.jpg')], '第 1 张照片不是上传到诉求目录的图片'],
  ])('refuses %j', (ids, message) => {
    expect(hotlinePhotosProblem(ids)).toBe(message);
  });

  it('builds upload paths the server accepts', () => {
    expect(hotlinePhotoPath('o-1', 'x/y', 'JPEG')).toBe('hotline/o-1/x_y.jpg');
    expect(hotlinePhotosProblem([`cloud://env.bucket/${hotlinePhotoPath('o 1', 'abc', 'png')}`])).toBeNull();
  });
});

it('allows HOTLINE_DAILY_LIMIT tickets a day', () => {
  expect(hotlineWithinDailyLimit(HOTLINE_DAILY_LIMIT - 1)).toBe(true);
  expect(hotlineWithinDailyLimit(HOTLINE_DAILY_LIMIT)).toBe(false);
  expect(hotlineWithinDailyLimit(2, 2)).toBe(false);
});

describe('hotlineDepartmentStats', () => {
  it('computes the rates and averages', () => {
    expect(
      hotlineDepartmentStats({
        ...HOTLINE_EMPTY_COUNTERS,
        received: 4,
        replied: 3,
        repliedOnTime: 2,
        replyWorkdays: 9,
        rated: 2,
        satisfied: 1,
        scoreSum: 7,
      }),
    ).toMatchObject({
      received: 4,
      replied: 3,
      replyRate: 0.75,
      onTimeRate: 0.6667,
      satisfaction: 0.5,
      averageScore: 3.5,
      averageReplyWorkdays: 3,
    });
  });

  it('answers null for rates with nothing to divide by', () => {
    expect(
      hotlineDepartmentStats({
        ...HOTLINE_EMPTY_COUNTERS,
        received: 0,
        replied: 0,
        repliedOnTime: 0,
        replyWorkdays: 0,
        rated: 0,
        satisfied: 0,
        scoreSum: 0,
      }),
    ).toMatchObject({
      received: 0,
      replied: 0,
      replyRate: null,
      onTimeRate: null,
      satisfaction: null,
      averageScore: null,
      averageReplyWorkdays: null,
    });
  });

  it.each([
    [5, null, { rated: 1, satisfied: 1, scoreSum: 5 }],
    [2, null, { rated: 1, satisfied: 0, scoreSum: 2 }],
    [4, 1, { rated: 0, satisfied: 1, scoreSum: 3 }],
    [1, 5, { rated: 0, satisfied: -1, scoreSum: -4 }],
  ])('a rating of %i after %p changes the counters by %j', (score, previous, delta) => {
    expect(hotlineRatingDelta(score, previous)).toEqual(delta);
  });
});

describe('handling-loop statistics (issue 15)', () => {
  it('computes 解决率 over visits and 回访率 over replies, and passes the counts through', () => {
    expect(
      hotlineDepartmentStats({
        ...HOTLINE_EMPTY_COUNTERS,
        received: 5,
        replied: 4,
        visited: 3,
        solved: 2,
        returned: 1,
        extended: 2,
        reported: 1,
      }),
    ).toMatchObject({ solveRate: 0.6667, visitRate: 0.75, returned: 1, extended: 2, reported: 1 });
    expect(hotlineDepartmentStats(HOTLINE_EMPTY_COUNTERS)).toMatchObject({ solveRate: null, visitRate: null });
  });

  it('counts a ticket as visited once and follows the latest result for solved', () => {
    expect(hotlineVisitDelta(true, null)).toEqual({ visited: 1, solved: 1 });
    expect(hotlineVisitDelta(false, null)).toEqual({ visited: 1, solved: 0 });
    expect(hotlineVisitDelta(true, false)).toEqual({ visited: 0, solved: 1 });
    expect(hotlineVisitDelta(false, true)).toEqual({ visited: 0, solved: -1 });
    expect(hotlineVisitDelta(true, true)).toEqual({ visited: 0, solved: 0 });
  });

  it('lists the months of a period across a year end and refuses reversed or too long periods', () => {
    expect(hotlineMonths('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(hotlineMonths('2021-03', '2021-03')).toEqual(['2021-03']);
    expect(hotlineMonths('2021-02', '2020-11')).toBe('起始月份不能晚于结束月份');
    expect(hotlineMonths('2020-01', '2020-12')).toHaveLength(12);
    expect(hotlineMonths('2020-01', '2021-01')).toBe('统计期间最长 12 个月');
  });

  it('sums counters of several months', () => {
    const a = { ...HOTLINE_EMPTY_COUNTERS, received: 2, visited: 1 };
    const b = { ...HOTLINE_EMPTY_COUNTERS, received: 3, returned: 1 };
    expect(hotlineSumCounters([a, b])).toEqual({ ...HOTLINE_EMPTY_COUNTERS, received: 5, visited: 1, returned: 1 });
    expect(hotlineSumCounters([])).toEqual(HOTLINE_EMPTY_COUNTERS);
  });
});
