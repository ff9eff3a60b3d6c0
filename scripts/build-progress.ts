// `npm start`'s H5 build in a few lines: Taro's webpackbar and spinner redraw themselves in place, which a log or a pipe
// shows as ~120 repeated lines; this reads that output, prints the progress now and then, and keeps the rest for a
// failure.

/** Terminal colour and cursor codes (webpackbar's redraws are made of them). */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
/** webpackbar's state line, e.g. "● Webpack ████ building (10%) 0/1 entries 1389/1418 dependencies". */
const PROGRESS = /\b(building|sealing|emitting|done)\b[^(]*\((\d{1,3})%\)/;
/** Lines that are only part of the redrawn bar or Taro's spinner (the bar wraps at 80 columns in a pipe). */
const NOISE = [
  /^[●✔]\s*Webpack\b/,
  /即将开始启动编译/,
  /›/,
  /\d+\/\d+ (entries|dependencies|modules)\b|\d+ active$/,
  /^[\w./@-]+\.(js|jsx|ts|tsx|scss|css|mjs)$/,
];

/** Formats a duration the way the console says it, e.g. 131_000 -> "2 分 11 秒", 8_000 -> "8 秒". */
export function durationText(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${s} 秒`;
}

export interface BuildProgressOptions {
  /** Milliseconds since the build started (injected so tests can drive the clock). */
  elapsed: () => number;
  /** Prints one line. */
  print: (line: string) => void;
  /** At most one progress line this often (ms); 30 s by default. */
  every?: number;
}

/**
 * Reads a build's output as it arrives and prints a progress line at most every `every` ms, e.g.
 * "  H5 构建中 10%（已用 30 秒）"; `lines()` are what was not progress (warnings, errors) for a failed build.
 *
 * @example
 *   const p = buildProgress({ elapsed: () => Date.now() - t0, print: console.log });
 *   child.stdout.on('data', (chunk) => p.write(String(chunk)));
 */
export function buildProgress({ elapsed, print, every = 30_000 }: BuildProgressOptions) {
  let pending = '';
  let lastPrint = 0;
  let percent = 0;
  const kept: string[] = [];

  const line = (raw: string) => {
    const text = raw.replace(ANSI, '').trim();
    if (!text) return;
    const m = PROGRESS.exec(text);
    if (m) {
      percent = Math.max(percent, Number(m[2]));
      const now = elapsed();
      if (now - lastPrint >= every) {
        lastPrint = now;
        print(`  H5 构建中 ${percent}%（已用 ${durationText(now)}）/ building ${percent}%`);
      }
      return;
    }
    if (NOISE.some((re) => re.test(text))) return;
    kept.push(text);
  };

  return {
    /** Feeds a chunk of output (any split: lines are put back together; \r counts as a line end). */
    write(chunk: string): void {
      const parts = (pending + chunk).split(/\r\n|\n|\r/);
      pending = parts.pop() ?? '';
      parts.forEach(line);
    },
    /** The output that was neither the bar nor the spinner (warnings, errors, the compiler's summary). */
    lines(): string[] {
      if (pending) {
        line(pending);
        pending = '';
      }
      return kept;
    },
  };
}
