// 会议纪实 rules: which meetings need one, when it is complete, photos it accepts, and the attendance it shows.
import {
  orglifeIsMeetingKind,
  orglifeMeetingAttendance,
  orglifeMinutesMissing,
  orglifeMinutesPhotoPath,
  orglifeMinutesPhotosProblem,
} from '@/domain/orglife';

describe('orglifeIsMeetingKind', () => {
  it.each([
    ['支部党员大会', true],
    ['支委会', true],
    ['党小组会', true],
    ['党课', true],
    ['主题党日', true],
    ['其他', false],
  ])('%s: %s', (kind, yes) => expect(orglifeIsMeetingKind(kind)).toBe(yes));
});

describe('orglifeMinutesMissing', () => {
  const full = { topic: '学习党章', host: '张伟', recorder: '王芳', minutes: '会议学习了党章第一章。' };
  it('is empty for a complete 纪实', () => expect(orglifeMinutesMissing(full)).toEqual([]));
  it('names the missing parts in the order of the form; blanks count as missing', () => {
    expect(orglifeMinutesMissing({ ...full, host: '  ', minutes: '' })).toEqual(['主持人', '会议记录']);
    expect(orglifeMinutesMissing({ topic: '', host: '', recorder: '', minutes: '' })).toEqual([
      '会议主题',
      '主持人',
      '记录人',
      '会议记录',
    ]);
  });
});

describe('minutes photos', () => {
  it('builds a path in the 纪实 folder with a normalised extension', () => {
    expect(orglifeMinutesPhotoPath('20200701', 'k3x9', 'JPEG')).toBe('orglife/20200701/k3x9.jpg');
    expect(orglifeMinutesPhotoPath('2020/07', '../x', 'png')).toBe('orglife/2020_07/___x.png');
  });
  it.each<[string[], string | null]>([
    [['cloud://env.b/orglife/20200701/a.jpg', 'cloud://env.b/orglife/20200701/b.png'], null],
    [['cloud://env.b/hotline/o1/a.jpg'], '第 1 张照片不是上传到会议纪实目录的图片'],
    [['cloud://env.b/orglife/20200701/a.pdf'], '第 1 张照片不是上传到会议纪实目录的图片'],
    [['cloud://env.b/orglife/../users/a.jpg'], '第 1 张照片不是上传到会议纪实目录的图片'],
    [['cloud://env.b/orglife/a.jpg', 'cloud://env.b/orglife/a.jpg'], '照片重复'],
    [Array.from({ length: 10 }, (_, i) => `cloud://env.b/orglife/${i}.jpg`), '最多上传 9 张照片'],
  ])('%j -> %s', (photos, problem) => expect(orglifeMinutesPhotosProblem(photos)).toBe(problem));
});

describe('orglifeMeetingAttendance', () => {
  const roster = [
    { memberId: 'm1', name: '张伟' },
    { memberId: 'm2', name: '王芳' },
    { memberId: 'm3', name: '李娜' },
    { memberId: 'm4', name: '刘洋' },
    { memberId: 'm5', name: '陈静' },
  ];
  it('shows each expected member in roster order: on time, late, 补签 with its reason, absent with the reason given', () => {
    const a = orglifeMeetingAttendance(
      roster,
      [
        { memberId: 'm2', status: 'late', manualReason: null },
        { memberId: 'm1', status: 'present', manualReason: null },
        { memberId: 'm3', status: 'late', manualReason: '手机没电，会后补签' },
        { memberId: 'x9', status: 'present', manualReason: null },
      ],
      { m4: '出差（市里会议）', m1: '这条不用：张伟到了' },
    );
    expect(a.rows).toEqual([
      { memberId: 'm1', name: '张伟', status: 'present', reason: '' },
      { memberId: 'm2', name: '王芳', status: 'late', reason: '' },
      { memberId: 'm3', name: '李娜', status: 'manual', reason: '手机没电，会后补签' },
      { memberId: 'm4', name: '刘洋', status: 'absent', reason: '出差（市里会议）' },
      { memberId: 'm5', name: '陈静', status: 'absent', reason: '' },
    ]);
    expect(a).toMatchObject({ expected: 5, present: 3, late: 1, manual: 1, absent: 2, absentWithoutReason: 1 });
  });
});
