// What the repository declares for deployment, read from its files: collections and client rules
// (database/collections.json), each function's config.json and built bundle, the benchmark's timings, the app's version.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { AccessRule, CloudState, FunctionState, IndexState } from './plan';
import type { FunctionScan } from './scan';

/**
 * Node 18: the oldest runtime WeChat still maintains; the bundles target node16 syntax, and wx-server-sdk 4.0.2 runs
 * on it. A function's config.json may name another (`"runtime": "Nodejs20.19"`); only creation can set it.
 */
export const DEFAULT_RUNTIME = 'Nodejs18.15';
/** WeChat's defaults when config.json says nothing. */
export const DEFAULT_TIMEOUT_S = 3;
export const DEFAULT_MEMORY_MB = 256;
/**
 * Hotline photos are uploaded from the phone: only their uploader reads them directly; everyone else gets a
 * two-hour link from the hotline function (README, 热线照片).
 */
export const STORAGE_ACCESS: AccessRule = { acl: 'PRIVATE' };

const indexSchema = z.object({
  name: z.string().min(1),
  keys: z
    .record(z.string(), z.union([z.literal(1), z.literal(-1)]))
    .refine((k) => Object.keys(k).length > 0, '索引至少一个字段'),
  unique: z.boolean().optional(),
});

/**
 * `clientRead` (database/collections.json's own convention): "all" = every user may read (and `watch()`) the
 * collection from a client, only cloud functions write; `{ "read": "<rule>" }` = a custom read rule; absent or
 * "none" = clients have no access (cloud functions bypass rules).
 */
const collectionSchema = z.looseObject({
  indexes: z.array(indexSchema),
  clientRead: z.union([z.enum(['all', 'none']), z.object({ read: z.string().min(1) })]).optional(),
});

const collectionsFileSchema = z.looseObject({ collections: z.record(z.string(), collectionSchema) });

const triggerSchema = z.object({ name: z.string(), type: z.string(), config: z.string() });

const functionConfigSchema = z.looseObject({
  timeout: z.number().optional(),
  memorySize: z.number().int().optional(),
  runtime: z.string().optional(),
  triggers: z.array(triggerSchema).optional(),
});

export type CollectionsFile = z.infer<typeof collectionsFileSchema>;
export type FunctionConfigFile = z.infer<typeof functionConfigSchema>;

function parseJson<T>(file: string, schema: z.ZodType<T>, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: 不是合法的 JSON（${(e as Error).message}）`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.') || '(根)'} ${issue.message}`);
  }
  return parsed.data;
}

export function parseCollectionsFile(text: string, file = 'database/collections.json'): CollectionsFile {
  return parseJson(file, collectionsFileSchema, text);
}

export function parseFunctionConfig(text: string, file: string): FunctionConfigFile {
  return parseJson(file, functionConfigSchema, text);
}

/** The client rule a collection declares: read-only for `clientRead: "all"`, none by default. */
export function accessFor(clientRead: CollectionsFile['collections'][string]['clientRead']): AccessRule {
  // 所有用户可读，仅管理员可写: clients read, only functions write (READONLY would let a document's creator write).
  if (clientRead === 'all') return { acl: 'ADMINWRITE' };
  if (clientRead && typeof clientRead === 'object') {
    return { acl: 'CUSTOM', rule: JSON.stringify({ read: clientRead.read, write: false }) };
  }
  return { acl: 'ADMINONLY' };
}

/** The desired collections: each declared one with its indexes (unique ones unique) and its client rule. */
export function desiredCollections(file: CollectionsFile): CloudState['collections'] {
  return Object.fromEntries(
    Object.entries(file.collections).map(([name, c]) => [
      name,
      {
        indexes: c.indexes.map((i): IndexState => ({
          name: i.name,
          keys: Object.entries(i.keys) as IndexState['keys'],
          unique: i.unique === true,
        })),
        access: accessFor(c.clientRead),
      },
    ]),
  );
}

/**
 * A function as it should be on the cloud. Environment variables: those the function's sources read and the
 * deployer set (`values`); the others keep whatever the console holds.
 */
export function desiredFunction(
  config: FunctionConfigFile,
  scan: FunctionScan,
  values: Record<string, string | undefined>,
  codeHash: string,
): FunctionState {
  const env: Record<string, string> = {};
  for (const key of scan.envVars) {
    const value = values[key];
    if (value !== undefined) env[key] = value;
  }
  return {
    runtime: config.runtime ?? DEFAULT_RUNTIME,
    timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
    memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
    env,
    triggers: (config.triggers ?? []).map((t) => ({ name: t.name, type: t.type as 'timer', config: t.config })),
    codeHash,
  };
}

/**
 * The slowest p95 per function in bench/results.md (rows like "| `ranking.run` | ... | 4250.8 | 4573.1 |").
 * Only rows of one call count (`fn.action`, optionally with a "(variant)"): a burst row such as
 * "`quiz.start+submit ×1000`" times many calls together, which says nothing about one call's timeout.
 * @example benchP95('| `quiz.start` | x | 50 | 5 | 1 | 0 | 4.8 | 14.2 |') // { quiz: 14.2 }
 */
export function benchP95(markdown: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*`([a-z0-9_-]+)\.[a-z0-9_]+(?: \([^)`]*\))?`.*\|\s*([\d.]+)\s*\|\s*$/i.exec(line.trim());
    if (!m) continue;
    const [, fn, p95] = m;
    out[fn] = Math.max(out[fn] ?? 0, Number(p95));
  }
  return out;
}

/** sha256 over files (path and content), in name order. */
export function hashFiles(root: string, files: string[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort()) {
    h.update(relative(root, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Every file under the given paths (directories walked), skipping nothing but missing paths. */
export function listFiles(root: string, paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) walk(join(p, e));
    else out.push(p);
  };
  for (const p of paths) walk(join(root, p));
  return out;
}

/** What the mini-program upload is compared by: the package version and a hash of everything the build reads. */
export function miniprogramSource(root: string): { version: string; sourceHash: string } {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const files = listFiles(root, [
    'src',
    'config',
    'types',
    'project.config.json',
    'package-lock.json',
    'babel.config.js',
  ]);
  return { version: pkg.version, sourceHash: hashFiles(root, files) };
}
