// Paths of the emulator's test fixtures, and a bundled copy of the fixture functions made the way deploys are.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const REPO_ROOT = join(__dirname, '..', '..');
export const FIXTURE_FUNCTIONS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'cloudfunctions');
export const FIXTURE_COLLECTIONS = join(REPO_ROOT, 'test', 'fixtures', 'collections.json');
/** The fixture options for createTestCloud / startTestGateway. */
export const FIXTURE_CLOUD = { functionsDir: FIXTURE_FUNCTIONS_DIR, collectionsFile: FIXTURE_COLLECTIONS };

/**
 * Bundles each fixture function into a fresh folder under .cache/ (inside the repository, so the bundle's
 * `require('wx-server-sdk')` resolves to the project's copy), as scripts/build-functions does for the real ones.
 */
export function bundleFixtureFunctions(): string {
  const base = join(REPO_ROOT, '.cache', 'emulator-tests');
  mkdirSync(base, { recursive: true });
  const out = mkdtempSync(join(base, 'functions-'));
  for (const name of readdirSync(FIXTURE_FUNCTIONS_DIR)) {
    const src = join(FIXTURE_FUNCTIONS_DIR, name);
    mkdirSync(join(out, name));
    for (const file of ['package.json', 'config.json']) copyFileSync(join(src, file), join(out, name, file));
    buildSync({
      entryPoints: [join(src, 'index.ts')],
      outfile: join(out, name, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      logLevel: 'error',
    });
  }
  return out;
}
