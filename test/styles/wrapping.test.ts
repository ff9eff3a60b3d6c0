// Text wrapping: a date, a phone number or a count is never broken inside ("上次统计 2026 / -12-06",
// "138****567 / 8"). `word-break: break-all` breaks anywhere, even inside a word that fits on the next line; long
// words (a link, an id) still break with `overflow-wrap`, and only when they do not fit the line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function styleSheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? styleSheets(join(dir, e.name)) : /\.(s?css)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('text wrapping in the style sheets', () => {
  const sheets = styleSheets(SRC);

  it('finds the style sheets', () => {
    expect(sheets.length).toBeGreaterThan(20);
  });

  it('never breaks inside a word that fits the line (no word-break: break-all or break-word)', () => {
    const offenders = sheets.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.trim(), at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => /word-break:\s*break-(all|word)/.test(line))
        .map(({ at, line }) => `${at} ${line}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps .nowrap, the class for a date, a time, a phone number or a count with its unit', () => {
    expect(readFileSync(join(SRC, 'app.scss'), 'utf8')).toMatch(/\.nowrap\s*\{\s*white-space:\s*nowrap;/);
  });
});
