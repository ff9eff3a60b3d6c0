// The view-drawn charts: widths and heights in proportion, values written beside every bar, and the edge cases
// (no rows, all zero, values over the maximum) drawn without dividing by zero or overflowing.
import { render, screen, within } from '@testing-library/react';
import { BarList, CadenceGrid, ColumnChart } from '@/components/chart';
import { cadenceGridRows } from '@/utils/points';

const widths = (el: HTMLElement) =>
  Array.from(el.querySelectorAll('.bar-list__bar')).map((b) => (b as HTMLElement).style.width);

describe('BarList', () => {
  it('draws each value against the maximum, clamped to 0–100 %, with its text', () => {
    render(
      <BarList
        title="出勤率"
        max={100}
        rows={[
          { key: 'a', label: '甲', value: 50, valueText: '50%' },
          { key: 'b', label: '乙', value: 130 },
          { key: 'c', label: '丙', value: -5 },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: '出勤率' });
    expect(widths(chart)).toEqual(['50%', '100%', '0%']);
    expect(within(chart).getByText('50%')).toBeTruthy();
    expect(within(chart).getByText('130')).toBeTruthy();
  });

  it('scales to the largest value without a maximum, and draws empty tracks when all are zero', () => {
    const { unmount } = render(
      <BarList
        title="人数"
        rows={[
          { key: 'a', label: '甲', value: 2 },
          { key: 'b', label: '乙', value: 8 },
        ]}
      />,
    );
    expect(widths(screen.getByRole('img', { name: '人数' }))).toEqual(['25%', '100%']);
    unmount();
    render(<BarList title="零" rows={[{ key: 'a', label: '甲', value: 0 }]} />);
    expect(widths(screen.getByRole('img', { name: '零' }))).toEqual(['0%']);
  });

  it('says so instead of drawing nothing when there are no rows', () => {
    render(<BarList title="空" rows={[]} empty="今年还没有活动。" />);
    expect(screen.getByText('今年还没有活动。')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('ColumnChart', () => {
  it('labels every column under the axis and writes its value on top', () => {
    render(
      <ColumnChart
        title="分布"
        caption="年度积分（分）"
        columns={[
          { key: '1', label: '0–19', value: 0, valueText: '0人' },
          { key: '2', label: '20–39', value: 4, valueText: '4人' },
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: '分布' });
    const heights = Array.from(chart.querySelectorAll('.column-chart__bar')).map(
      (b) => (b as HTMLElement).style.height,
    );
    expect(heights).toEqual(['0%', '100%']);
    for (const t of ['0人', '4人', '0–19', '20–39', '年度积分（分）']) expect(within(chart).getByText(t)).toBeTruthy();
  });
});

describe('CadenceGrid', () => {
  it('marks held, missed, due and future periods, monthly cells one column and quarterly cells three', () => {
    const rows = cadenceGridRows([
      {
        kind: '党课',
        period: 'quarter',
        periods: [
          { index: 1, label: '第一季度', count: 1, state: 'past' },
          { index: 2, label: '第二季度', count: 0, state: 'past' },
          { index: 3, label: '第三季度', count: 0, state: 'current' },
          { index: 4, label: '第四季度', count: 0, state: 'future' },
        ],
        due: 3,
        held: 1,
        missed: 1,
        missingNow: true,
      },
    ]);
    render(<CadenceGrid title="落实" rows={rows} />);
    const grid = screen.getByRole('img', { name: '落实' });
    const slot = (label: string) => within(grid).getByLabelText(label) as HTMLElement;
    expect(slot('党课第一季度已开1次').querySelector('.cadence__cell--done')).toBeTruthy();
    expect(slot('党课第二季度未开').querySelector('.cadence__cell--missing')?.textContent).toBe('缺');
    expect(slot('党课第三季度本期待开').querySelector('.cadence__cell--due')?.textContent).toBe('待');
    expect(slot('党课第四季度未到').querySelector('.cadence__cell--upcoming')?.textContent).toBe('');
    expect(slot('党课第一季度已开1次').style.width).toBe('25%');
    expect(within(grid).getByText('每季度 · 1/3')).toBeTruthy();
    expect(within(grid).getAllByText(/^(1[0-2]|[1-9])$/)).toHaveLength(12);
  });
});
