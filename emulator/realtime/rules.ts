// Client read rules of the collections (the `clientRead` field next to each collection in collections.json): which
// collections a client may read, hence watch. Absent = none, like WeChat's "仅创建者可读写" for function-written data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ClientRead = 'all' | 'none';

/**
 * @example loadClientReadRules().get('live_sessions') // 'all'
 */
export function loadClientReadRules(
  file: string = join(__dirname, '..', '..', 'database', 'collections.json'),
): Map<string, ClientRead> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
    collections?: Record<string, { clientRead?: unknown }>;
  };
  const rules = new Map<string, ClientRead>();
  for (const [name, def] of Object.entries(parsed.collections ?? {})) {
    const rule = def?.clientRead ?? 'none';
    if (rule !== 'all' && rule !== 'none')
      throw new Error(
        `${file}: collection "${name}" has clientRead ${JSON.stringify(rule)} (use "all" or leave it out)`,
      );
    rules.set(name, rule);
  }
  return rules;
}
