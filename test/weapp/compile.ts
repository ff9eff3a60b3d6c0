// Compiles a weapp build with WeChat's own compilers (npm miniprogram-compiler: wcc for WXML/WXS, wcsc for WXSS),
// as DevTools does before upload; a file WeChat would reject fails here with its file and line.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** What wcc made: `$gwx(path)` returns the render function of one .wxml. */
export type Gwx = (wxmlPath: string) => ((data: unknown) => unknown) | undefined;

export interface CompiledWeapp {
  /** The JavaScript wcc wrote; evaluate it with `evaluateWcc`. */
  wcc: string;
  wxmlFiles: string[];
  wxsFiles: string[];
  wxssFiles: string[];
  ms: number;
}

/** A file the compilers reject; the message names the file and line as the compiler does. */
export class WeappCompileError extends Error {}

function filesUnder(dir: string, ext: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const p = join(d, name);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith(ext) ? [relative(dir, p).split('\\').join('/')] : [];
    });
  return walk(dir).sort();
}

/**
 * The compilers as executables: the package ships them without the execute bit and its wrapper chmods them in
 * node_modules; a copy in the temp folder leaves node_modules (hard-linked between checkouts) untouched.
 */
function binary(name: 'wcc' | 'wcsc'): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the weapp check runs WeChat's Linux x86-64 compilers; this machine is ${process.platform}/${process.arch}`,
    );
  }
  const source = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux', name);
  const dir = join(tmpdir(), `weapp-check-${statSync(source).size}`);
  const target = join(dir, name);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(source, `${target}.${process.pid}`);
    chmodSync(`${target}.${process.pid}`, 0o755);
    // A rename is atomic, so two runs at once never execute a half-copied file.
    renameSync(`${target}.${process.pid}`, target);
  }
  return target;
}

/** wcc's `-cc` argument: for each .wxml with a .json that declares usingComponents, the tags that are components. */
function componentArgs(dist: string, wxmlFiles: string[]): string {
  const args: Array<string | number> = [];
  for (const file of wxmlFiles) {
    const json = join(dist, file.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const using = Object.keys(
      (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: object }).usingComponents ?? {},
    );
    if (using.length) args.push(file, using.length, ...using);
  }
  return [args.length ? wxmlFiles.filter((f) => args.includes(f)).length : 0, ...args].join(' ');
}

function compilerError(tool: string, stderr: string, status: number | null): WeappCompileError {
  const text = stderr.trim() || `exit code ${status}`;
  return new WeappCompileError(`${tool} rejected the build: ${text}`);
}

/** Compiles every .wxml/.wxs and every .wxss of `dist`; throws WeappCompileError naming the file and line. */
export function compileWeapp(dist: string): CompiledWeapp {
  const started = Date.now();
  const wxmlFiles = filesUnder(dist, '.wxml');
  const wxsFiles = filesUnder(dist, '.wxs');
  const wxssFiles = filesUnder(dist, '.wxss');
  const maxBuffer = 64 * 1024 * 1024;

  const wcc = spawnSync(
    binary('wcc'),
    ['-d', '-cc', componentArgs(dist, wxmlFiles), ...wxmlFiles, ...wxsFiles, '-gn', '$gwx'],
    { cwd: dist, maxBuffer },
  );
  if (wcc.error) throw wcc.error;
  if (wcc.status !== 0) throw compilerError('wcc (WXML)', wcc.stderr.toString(), wcc.status);

  // Component styles first, with their count, as DevTools calls wcsc (`-pc N`).
  const isComponent = (f: string) => existsSync(join(dist, f.replace(/\.wxss$/, '.json')));
  const ordered = [...wxssFiles.filter(isComponent), ...wxssFiles.filter((f) => !isComponent(f))];
  const wcsc = spawnSync(binary('wcsc'), ['-db', '-pc', String(wxssFiles.filter(isComponent).length), ...ordered], {
    cwd: dist,
    maxBuffer,
  });
  if (wcsc.error) throw wcsc.error;
  if (wcsc.status !== 0) throw compilerError('wcsc (WXSS)', wcsc.stderr.toString(), wcsc.status);

  return { wcc: wcc.stdout.toString(), wxmlFiles, wxsFiles, wxssFiles, ms: Date.now() - started };
}

/**
 * Runs wcc's output in the view's global scope (where the jsdom window is installed), as the WebView does, and
 * returns `$gwx`. wcc's runtime reads `__webview_engine_version__` (0.02, as miniprogram-simulate sets it).
 */
export function evaluateWcc(compiled: CompiledWeapp): Gwx {
  (globalThis as unknown as { __webview_engine_version__: number }).__webview_engine_version__ = 0.02;
  return new Function(`${compiled.wcc}; return $gwx;`)() as Gwx;
}
