// Bundles each cloudfunctions/<name>/index.ts into a deployable index.js (domain code and small npm deps inlined; the
// packages its package.json declares are left to WeChat's "云端安装依赖"); `npm run build:functions [--check]
// [names...]` prints the sizes, and with --check fails when a bundle is over BUNDLE_MAX_BYTES.
import type { Plugin } from 'esbuild';
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions');

/**
 * The most a bundle may weigh: WeChat parses all of it on every cold start, before the first call is answered.
 * Code that only some actions need (exceljs, ~1.1 MB) is a declared dependency, required when such an action runs.
 */
export const BUNDLE_MAX_BYTES = 300 * 1024;

export interface BuiltFunction {
  name: string;
  file: string;
  bytes: number;
  /** Absolute paths of the project's own source files in the bundle (node_modules left out). */
  inputs: string[];
}

/**
 * zod's `z` namespace re-exports all ~50 message locales (250 KB); the functions write their own Chinese messages,
 * so only the English default stays.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.c?js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(args.resolveDir, '..', 'locales', 'index'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(args.path, '..', 'en.js'))};`,
      resolveDir: join(args.path, '..'),
    }));
  },
};

/** Function folders with an index.ts, sorted by name. */
export function functionNames(): string[] {
  if (!existsSync(FUNCTIONS_DIR)) return [];
  return readdirSync(FUNCTIONS_DIR)
    .filter(
      (name) => statSync(join(FUNCTIONS_DIR, name)).isDirectory() && existsSync(join(FUNCTIONS_DIR, name, 'index.ts')),
    )
    .sort();
}

/**
 * The packages a function's package.json declares: WeChat installs them with the function, so they stay out of the
 * bundle. Each must be pinned to the version installed here, which is what the emulator and the tests run
 * (a function's `require` resolves to the repository's node_modules).
 */
export function declaredDependencies(name: string): string[] {
  const pkgFile = join(FUNCTIONS_DIR, name, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { dependencies?: Record<string, string> };
  const deps = Object.entries(pkg.dependencies ?? {});
  for (const [dep, version] of deps) {
    const installed = (
      JSON.parse(readFileSync(require.resolve(`${dep}/package.json`, { paths: [ROOT] }), 'utf8')) as {
        version: string;
      }
    ).version;
    if (version !== installed)
      throw new Error(
        `${relative(ROOT, pkgFile)} pins ${dep}@${version} but ${installed} is installed: pin the installed version`,
      );
  }
  return deps.map(([dep]) => dep);
}

/**
 * Bundles the named functions (all by default); throws on an unknown name or a build error. `write: false` only
 * reports (sizes and inputs) without touching the deployable index.js files.
 */
export async function buildFunctions(opts: { names?: string[]; write?: boolean } = {}): Promise<BuiltFunction[]> {
  const all = functionNames();
  const names = opts.names?.length ? opts.names : all;
  const unknown = names.filter((n) => !all.includes(n));
  if (unknown.length) throw new Error(`unknown cloud function(s): ${unknown.join(', ')} (known: ${all.join(', ')})`);

  return Promise.all(
    names.map(async (name) => {
      const dir = join(FUNCTIONS_DIR, name);
      const file = join(dir, 'index.js');
      const result = await build({
        absWorkingDir: ROOT,
        entryPoints: [join(dir, 'index.ts')],
        outfile: file,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: declaredDependencies(name),
        // ES module entry points where packages have them, so that unused parts are left out.
        mainFields: ['module', 'main'],
        plugins: [zodEnglishOnly],
        tsconfig: join(ROOT, 'tsconfig.json'),
        minify: true,
        // Keeps class and function names in WeChat's error logs readable.
        keepNames: true,
        legalComments: 'none',
        logLevel: 'silent',
        metafile: true,
        write: opts.write ?? true,
      });
      const bytes = result.metafile.outputs[relative(ROOT, file).split('\\').join('/')]?.bytes ?? statSync(file).size;
      const inputs = Object.keys(result.metafile.inputs)
        .filter((p) => !p.includes('node_modules') && !p.includes(':'))
        .map((p) => join(ROOT, p))
        .sort();
      return { name, file, bytes, inputs };
    }),
  );
}

/** The bundles over BUNDLE_MAX_BYTES, as messages. */
export function oversizeBundles(built: BuiltFunction[]): string[] {
  return built
    .filter((b) => b.bytes > BUNDLE_MAX_BYTES)
    .map(
      (b) =>
        `${b.name}: ${(b.bytes / 1024).toFixed(1)} KB is over ${BUNDLE_MAX_BYTES / 1024} KB; ` +
        'declare a large package in its package.json and require it inside the action that needs it',
    );
}

function formatTable(built: BuiltFunction[]): string {
  const rows = built.map((b) => [b.name, relative(ROOT, b.file), `${(b.bytes / 1024).toFixed(1)} KB`]);
  const widths = [0, 1, 2].map((i) =>
    Math.max(...[['function', 'bundle', 'size'][i], ...rows.map((r) => r[i])].map((s) => s.length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(['function', 'bundle', 'size']), ...rows.map(line)].join('\n');
}

if (require.main === module) {
  const started = Date.now();
  const args = process.argv.slice(2);
  buildFunctions({ names: args.filter((a) => a !== '--check') })
    .then((built) => {
      console.log(formatTable(built));
      console.log(`\n${built.length} function(s) bundled in ${Date.now() - started} ms`);
      const over = oversizeBundles(built);
      if (args.includes('--check') && over.length) {
        console.error(over.join('\n'));
        process.exit(1);
      }
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
