// Colours come from the theme: every style sheet but src/styles/_theme.scss names a token ($ok-tag-bg, $hairline …)
// instead of writing a colour, so that one colour has one name and a contrast is checked in one place. A colour
// with transparency is written `rgba($token, 0.5)`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');
const THEME = join(SRC, 'styles', '_theme.scss');

function styleSheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? styleSheets(join(dir, e.name)) : /\.(s?css)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** A hex colour, an rgb()/hsl() with numbers, or a CSS colour keyword, outside a comment. */
const LITERAL =
  /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(\s*[\d.]|:[^;]*(?<![\w$.-])(white|black|red|green|blue|gray|grey|silver|gold|orange|yellow|purple)(?![\w-])/i;

function literalColours(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({
      code: line.replace(/\/\/.*$|\/\*.*?\*\//g, '').trim(),
      at: `${relative(SRC, file)}:${i + 1}`,
    }))
    .filter(({ code }) => LITERAL.test(code))
    .map(({ at, code }) => `${at} ${code}`);
}

describe('colours in the style sheets', () => {
  const sheets = styleSheets(SRC).filter((f) => f !== THEME);

  it('finds the style sheets', () => {
    expect(sheets.length).toBeGreaterThan(20);
  });

  it('writes no literal colour outside the theme', () => {
    expect(sheets.flatMap(literalColours)).toEqual([]);
  });

  it('would catch one (the check itself)', () => {
    const probe = (code: string) => LITERAL.test(code);
    expect(['color: #fff;', 'background: rgba(0, 0, 0, 0.2);', 'border: 1px solid white;'].map(probe)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      ['color: $on-accent;', 'background: rgba($shadow, 0.2);', 'border-top: 2px solid $hairline;'].map(probe),
    ).toEqual([false, false, false]);
  });

  it('keeps the theme the one place that defines colours', () => {
    expect(literalColours(THEME).length).toBeGreaterThan(50);
  });
});
