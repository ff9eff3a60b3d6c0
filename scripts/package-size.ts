// Measures the weapp build: the main package (everything outside the subpackages) must stay under 1 MB.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** WeChat's hard limit is 2 MB; we keep half of it as headroom for the features to come. */
export const MAIN_PACKAGE_LIMIT = 1024 * 1024;

export interface PackageSizes {
  main: number;
  subpackages: Record<string, number>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Sizes in bytes of the main package and of each subpackage of a weapp `dist/`. */
export function measurePackages(dist: string): PackageSizes {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const file of files(dist)) {
    const rel = relative(dist, file).split('\\').join('/');
    // DevTools does not upload these: they are project settings and source maps.
    if (rel.endsWith('.map') || rel === 'project.config.json' || rel === 'project.private.config.json') continue;
    const bytes = statSync(file).size;
    const root = roots.find((r) => rel.startsWith(r));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
  }
  return sizes;
}

export function checkMainPackageSize(dist: string): boolean {
  if (!existsSync(join(dist, 'app.json'))) {
    console.error(`no weapp build in ${dist}`);
    return false;
  }
  const sizes = measurePackages(dist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`main package: ${kb(sizes.main)} (limit ${kb(MAIN_PACKAGE_LIMIT)})`);
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`subpackage ${root}: ${kb(bytes)}`);
  return sizes.main <= MAIN_PACKAGE_LIMIT;
}

if (require.main === module)
  process.exit(checkMainPackageSize(process.argv[2] ?? join(__dirname, '..', 'dist')) ? 0 : 1);
