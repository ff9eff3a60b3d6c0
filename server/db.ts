// Typed view of the parts of the wx-server-sdk database API the functions use, plus small helpers around it.

/** A stored document; fields are checked where they are read. */
export type Doc = { _id: string } & Record<string, unknown>;

/**
 * What `_.in(...)`, `_.inc(...)` and friends return: opaque to the code, serialised by the SDK. Query commands chain
 * (`_.gte(a).and(_.lt(b))`).
 */
export type Command = {
  readonly __command: unique symbol;
  and(other: Command): Command;
  or(other: Command): Command;
};

export interface DatabaseCommand {
  in(values: readonly unknown[]): Command;
  /** An array field holding every one of `values`. */
  all(values: readonly unknown[]): Command;
  nin(values: readonly unknown[]): Command;
  eq(value: unknown): Command;
  neq(value: unknown): Command;
  exists(present: boolean): Command;
  gt(value: unknown): Command;
  gte(value: unknown): Command;
  lt(value: unknown): Command;
  lte(value: unknown): Command;
  and(conditions: readonly unknown[]): Command;
  or(conditions: readonly unknown[]): Command;
  inc(by: number): Command;
  set(value: unknown): Command;
  remove(): Command;
  /** Appends to an array field (`_.push([a, b])`). */
  push(values: unknown): Command;
}

export interface DocumentRef {
  get(): Promise<{ data: Doc | null }>;
  set(options: {
    data: Record<string, unknown>;
  }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

export interface Query {
  where(condition: Record<string, unknown>): Query;
  orderBy(field: string, order: 'asc' | 'desc'): Query;
  skip(offset: number): Query;
  limit(max: number): Query;
  field(projection: Record<string, boolean>): Query;
  get(): Promise<{ data: Doc[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: Record<string, unknown> }): Promise<{ stats: { updated: number } }>;
  remove(): Promise<{ stats: { removed: number } }>;
}

/**
 * An aggregation pipeline (`db.collection(c).aggregate()...end()`): one database request whatever the stages; `end`
 * answers at most the `limit` given (WeChat defaults to 20).
 */
export interface Aggregate {
  match(query: Record<string, unknown>): Aggregate;
  project(projection: Record<string, unknown>): Aggregate;
  group(group: Record<string, unknown>): Aggregate;
  sort(order: Record<string, 1 | -1>): Aggregate;
  unwind(path: string): Aggregate;
  skip(n: number): Aggregate;
  limit(n: number): Aggregate;
  end(): Promise<{ list: Doc[] }>;
}

export interface Collection extends Query {
  doc(id: string): DocumentRef;
  aggregate(): Aggregate;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
  add(options: { data: Array<Record<string, unknown>> }): Promise<{ _ids: string[] }>;
}

/** Inside `runTransaction` only single-document operations are transactional (test/emulator/db-transactions.test.ts holds the emulator to it). */
export interface Transaction {
  collection(name: string): { doc(id: string): DocumentRef };
}

export interface Database {
  collection(name: string): Collection;
  readonly command: DatabaseCommand;
  serverDate(): unknown;
  runTransaction<T>(run: (tx: Transaction) => Promise<T>, retries?: number): Promise<T>;
}

/** Reads per page: the database pages in 100s. */
export const PAGE_SIZE = 100;

interface SdkError {
  errCode?: unknown;
  errMsg?: unknown;
  message?: unknown;
  code?: unknown;
}

function errorText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (typeof e !== 'object' || e === null) return '';
  const { errMsg, message, code } = e as SdkError;
  return [errMsg, message, code].filter((x) => typeof x === 'string').join(' ');
}

/** An insert that hit an existing `_id` or a unique index: errCode -502001 with "E11000 duplicate key". */
export function isDuplicateKeyError(e: unknown): boolean {
  return /E11000|duplicate key/i.test(errorText(e));
}

/** A write conflict between two transactions (reported mid-transaction, which the SDK does not retry). */
export function isTransactionConflict(e: unknown): boolean {
  return /conflict/i.test(errorText(e));
}

/**
 * Runs a transaction, running it again (up to `attempts` times, with a short random pause) when it loses a write
 * conflict to a concurrent one; the loser's second run then sees the winner's write.
 */
export async function runTransactionWithRetry<T>(
  db: Database,
  run: (tx: Transaction) => Promise<T>,
  attempts = 6,
): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.runTransaction(run);
    } catch (e) {
      if (i >= attempts || !isTransactionConflict(e)) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}

/** Documents of `collection` whose `field` is one of `values`, read in pages of 100 values (one read each). */
export async function findIn(
  db: Database,
  collection: string,
  field: string,
  values: readonly string[],
  projection?: Record<string, boolean>,
): Promise<Doc[]> {
  const out: Doc[] = [];
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += PAGE_SIZE) {
    let q = db.collection(collection).where({ [field]: db.command.in(unique.slice(i, i + PAGE_SIZE)) });
    if (projection) q = q.field(projection);
    const { data } = await q.limit(PAGE_SIZE).get();
    out.push(...data);
  }
  return out;
}

/**
 * Page `pageIndex` (0-based) of `size` rows of a query already filtered and ordered, in ONE read: it asks for one
 * row more than the page to learn whether another page follows. A 1-based contract page passes `page - 1`.
 *
 * @example readPage(db.collection('notices').where({ orgId }).orderBy('publishedAt', 'desc'), page, 20)
 */
export async function readPage(
  query: Query,
  pageIndex: number,
  size: number,
): Promise<{ rows: Doc[]; hasMore: boolean }> {
  const { data } = await query
    .skip(pageIndex * size)
    .limit(size + 1)
    .get();
  return { rows: data.slice(0, size), hasMore: data.length > size };
}

/** A string field of a stored document, or null. */
export function str(doc: Doc | null | undefined, key: string): string | null {
  const v = doc?.[key];
  return typeof v === 'string' ? v : null;
}

/**
 * A filter value matching text that contains `query` literally (「.」 or 「(」 match themselves), for search fields.
 *
 * @example db.collection('members').where({ name: containing('张') })
 */
export function containing(query: string, flags = ''): RegExp {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
}
