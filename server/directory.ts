// The directory: one document holding every organisation and department (name, parent, order), so that `list`,
// scope checks and import validation cost one read instead of paging two collections.
import type { OrgNode } from '@/domain/identity';
import type { Database, Doc } from './db';
import { isDuplicateKeyError } from './db';

export const DIRECTORY = 'directory';
const DIRECTORY_ID = 'main';
export const ORGS = 'orgs';
export const DEPARTMENTS = 'departments';

export interface DepartmentNode {
  departmentId: string;
  name: string;
  seq: number;
}

export interface Directory {
  /** False before the first organisation or department is saved. */
  exists: boolean;
  orgs: OrgNode[];
  departments: DepartmentNode[];
}

function entries(doc: Doc | null, key: string): Array<[string, Record<string, unknown>]> {
  const map = doc?.[key];
  if (typeof map !== 'object' || map === null) return [];
  return Object.entries(map as Record<string, unknown>).filter(
    (e): e is [string, Record<string, unknown>] => typeof e[1] === 'object' && e[1] !== null,
  );
}

/** Reads the directory (one read). */
export async function readDirectory(db: Database): Promise<Directory> {
  const { data } = await db.collection(DIRECTORY).doc(DIRECTORY_ID).get();
  return {
    exists: data !== null,
    orgs: entries(data, 'orgs').map(([orgId, e]) => ({
      orgId,
      name: String(e.name ?? ''),
      parentId: typeof e.parentId === 'string' ? e.parentId : null,
      seq: Number(e.seq) || 0,
    })),
    departments: entries(data, 'departments')
      .map(([departmentId, e]) => ({ departmentId, name: String(e.name ?? ''), seq: Number(e.seq) || 0 }))
      .sort((a, b) => a.seq - b.seq || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** The next creation sequence number for a list of entries. */
export function nextSeq(items: ReadonlyArray<{ seq: number }>): number {
  return items.reduce((m, i) => Math.max(m, i.seq), 0) + 1;
}

/**
 * Writes one entry (one write). Each entry is its own field path, so concurrent saves of different entries
 * do not overwrite each other.
 */
export async function putDirectoryEntry(
  db: Database,
  directory: Directory,
  kind: 'orgs' | 'departments',
  id: string,
  entry: Record<string, unknown>,
): Promise<void> {
  const ref = db.collection(DIRECTORY).doc(DIRECTORY_ID);
  const update = () => ref.update({ data: { [kind]: { [id]: db.command.set(entry) } } });
  if (directory.exists) {
    await update();
    return;
  }
  const other = kind === 'orgs' ? 'departments' : 'orgs';
  try {
    await db.collection(DIRECTORY).add({ data: { _id: DIRECTORY_ID, [kind]: { [id]: entry }, [other]: {} } });
  } catch (e) {
    // Another first save created it a moment ago.
    if (!isDuplicateKeyError(e)) throw e;
    await update();
  }
}
