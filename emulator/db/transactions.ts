// Transactions as WeChat runs them: snapshot reads, writes buffered under a transaction lock, conflicts that fail.
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { requestFailed, transactionConflict, transactionGone } from './errors';
import type { Change, Collection, Store } from './store';
import type { DocView } from './views';

/**
 * An abandoned transaction (a function that crashed or forgot to commit) is rolled back after this long and its
 * locks are released. WeChat documents only that a lock is held "until it is released or times out"; ten
 * seconds is the limit of the service's MongoDB-based transactions (and longer than a function's default 3 s).
 */
export const TRANSACTION_LIFETIME_MS = 10_000;

function lockKey(coll: Collection, id: string): string {
  return `${coll.name}\u0000${id}`;
}

/**
 * WeChat's documented snapshot isolation (云开发 数据库 事务):
 * 1. reads return the document as it was when the transaction started (plus the transaction's own writes);
 * 2. a write changes the snapshot and puts a transaction lock on the document;
 * 3. a write by another transaction to a locked document fails at once (a conflict), while an ordinary write
 *    waits until the lock is released or the transaction times out;
 * 4. at commit the writes are applied atomically.
 * A write to a document that was changed since the snapshot also fails at once (the lost update it would be).
 */
export class Transaction implements DocView {
  private readonly writes = new Map<string, Change>();
  readonly held = new Set<string>();
  active = true;
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly id: string,
    /** The store's sequence number when the transaction started: later changes are not visible to it. */
    readonly snapshot: number,
    private readonly manager: TransactionManager,
    private readonly store: Store,
  ) {}

  private ensureActive(): void {
    if (!this.active) throw transactionGone(this.id);
  }

  /** Takes the transaction locks for a write, or fails with the conflict the service answers. */
  claim(coll: Collection, ids: string[]): undefined {
    this.ensureActive();
    for (const id of ids) this.manager.lock(this, coll, id);
    return undefined;
  }

  get(coll: Collection, id: string): Doc | undefined {
    this.ensureActive();
    const own = this.writes.get(lockKey(coll, id));
    if (own) return own.doc ?? undefined;
    return this.store.snapshotOf(coll, id, this.snapshot)?.doc;
  }

  scan(): Iterable<Doc> {
    // The SDK sends where() reads and writes without the transaction id; a hand-made request gets WeChat's rule.
    throw requestFailed('transactions support single-document operations only (doc(id) and add), not where()');
  }

  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void {
    this.ensureActive();
    const overlay = this.overlay(coll);
    for (const [id, doc] of changes) overlay.set(id, doc);
    coll.checkUnique(overlay);
    for (const [id, doc] of changes) this.writes.set(lockKey(coll, id), { coll, idKey: id, doc });
  }

  private overlay(coll: Collection): Map<string, Doc | null> {
    const overlay = new Map<string, Doc | null>();
    for (const w of this.writes.values()) if (w.coll === coll) overlay.set(w.idKey, w.doc);
    return overlay;
  }

  /** Applies every buffered write in one SQLite transaction, or none; always ends the transaction. */
  commit(): void {
    this.ensureActive();
    try {
      // A unique key taken outside meanwhile (a document the transaction never locked) fails the commit.
      const colls = new Set([...this.writes.values()].map((w) => w.coll));
      for (const coll of colls) coll.checkUnique(this.overlay(coll));
      this.store.commit([...this.writes.values()]);
    } finally {
      this.manager.finish(this);
    }
  }
}

interface Lock {
  holder: Transaction;
  /** Ordinary (non-transactional) writes waiting for the holder to end. */
  waiters: Array<() => void>;
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly locks = new Map<string, Lock>();

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {}

  start(): Transaction {
    const tx = new Transaction(randomBytes(16).toString('hex'), this.store.sequence, this, this.store);
    tx.timer = setTimeout(() => this.finish(tx), this.lifetimeMs);
    tx.timer.unref();
    this.active.set(tx.id, tx);
    this.store.retainHistorySince(this.oldestSnapshot());
    return tx;
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!tx) throw transactionGone(id);
    return tx;
  }

  /** A transaction's write lock: a conflict when another transaction holds it or the document changed since the snapshot. */
  lock(tx: Transaction, coll: Collection, id: string): void {
    const key = lockKey(coll, id);
    const lock = this.locks.get(key);
    if (lock?.holder === tx) return;
    if (lock) throw transactionConflict();
    if (this.store.changedSince(coll, id, tx.snapshot)) throw transactionConflict();
    this.locks.set(key, { holder: tx, waiters: [] });
    tx.held.add(key);
  }

  /** For an ordinary write: resolves when none of these documents is locked by a transaction (undefined if none is now). */
  released(coll: Collection, ids: string[]): Promise<void> | undefined {
    const held = ids.map((id) => this.locks.get(lockKey(coll, id))).filter((l): l is Lock => l !== undefined);
    if (held.length === 0) return undefined;
    return new Promise((resolve) => held[0].waiters.push(resolve));
  }

  /** Ends a transaction (commit, abort or expiry): releases its locks and wakes the writes waiting for them. */
  finish(tx: Transaction): void {
    if (!tx.active) return;
    tx.active = false;
    clearTimeout(tx.timer);
    this.active.delete(tx.id);
    for (const key of tx.held) {
      const lock = this.locks.get(key);
      this.locks.delete(key);
      for (const wake of lock?.waiters ?? []) wake();
    }
    tx.held.clear();
    this.store.retainHistorySince(this.oldestSnapshot());
  }

  private oldestSnapshot(): number | null {
    let oldest: number | null = null;
    for (const tx of this.active.values()) if (oldest === null || tx.snapshot < oldest) oldest = tx.snapshot;
    return oldest;
  }

  close(): void {
    for (const tx of [...this.active.values()]) this.finish(tx);
  }
}
