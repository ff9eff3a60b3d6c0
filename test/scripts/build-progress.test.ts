// npm start's H5 build output: the redrawn webpack bar becomes a few progress lines, the rest is kept for a failure.
import { buildProgress, durationText } from '../../scripts/build-progress';

const ESC = '\u001b';
/** One redraw of webpackbar and Taro's spinner as a pipe receives it (wrapped at 80 columns). */
function redraw(percent: number, phase = 'building'): string {
  return (
    `${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[G\n` +
    `● Webpack █████████████████████████ ${phase} (${percent}%) 0/1 entries 1005/1031 depen\n` +
    `dencies 8/325 modules 89 active \n` +
    ` babel-loader › node_modules/@tarojs/components/dist/components/taro-image-co\n` +
    `re.js\n\n` +
    `- 即将开始启动编译，请稍等~\n`
  );
}

describe('buildProgress', () => {
  it('turns 121 redraws of the bar over two minutes into one line per 30 seconds', () => {
    let now = 0;
    const printed: string[] = [];
    const p = buildProgress({ elapsed: () => now, print: (l) => printed.push(l) });
    for (let i = 0; i <= 120; i++) {
      now = i * 1000;
      p.write(redraw(i < 100 ? 10 : 92, i < 100 ? 'building' : 'sealing'));
    }
    expect(printed).toHaveLength(4);
    expect(printed[0]).toBe('  H5 构建中 10%（已用 30 秒）/ building 10%');
    expect(printed[3]).toBe('  H5 构建中 92%（已用 2 分 0 秒）/ building 92%');
    expect(p.lines()).toEqual([]);
  });

  it('keeps what is not the bar (an error) for a failed build, even when a chunk splits a line', () => {
    const p = buildProgress({ elapsed: () => 0, print: () => undefined });
    p.write(redraw(10));
    p.write(`${ESC}[41m✖ Errors: ${ESC}[49m\n\nModule not found: Error: Can't resolve './missi`);
    p.write(`ng' in '/repo/src/pages/index'\n`);
    expect(p.lines()).toEqual([
      '✖ Errors:',
      "Module not found: Error: Can't resolve './missing' in '/repo/src/pages/index'",
    ]);
  });

  it('never goes back in percent when a later phase restarts the bar', () => {
    let now = 1;
    const printed: string[] = [];
    const p = buildProgress({ elapsed: () => now, print: (l) => printed.push(l), every: 1 });
    p.write(redraw(92, 'sealing'));
    now = 5;
    p.write(redraw(10));
    expect(printed.map((l) => /(\d+)%/.exec(l)?.[1])).toEqual(['92', '92']);
  });
});

describe('durationText', () => {
  it.each([
    [8_000, '8 秒'],
    [59_400, '59 秒'],
    [131_000, '2 分 11 秒'],
  ])('%i ms is %s', (ms, text) => expect(durationText(ms)).toBe(text));
});
