// Transactions: writes buffered in a private overlay and applied atomically at commit, with per-document locks.
import { randomBytes } from 'node:crypto';
import type { Doc } from './ejson';
import { transactionConflict, transactionGone } from './errors';
import type { Change, Collection, Store } from './store';
import type { DocView } from './views';

/** An abandoned transaction (a function that crashed mid-way) releases its locks after this long. */
const LIFETIME_MS = 10_000;

function lockKey(coll: Collection, id: string): string {
  return `${coll.name}\u0000${id}`;
}

interface ReadMark {
  coll: Collection;
  id: string;
  version: number;
}

/**
 * Per-document locks make concurrent transactions on one document queue up instead of failing; a check at commit
 * catches changes made outside any transaction to what it read, answered with the conflict code the SDK retries.
 */
export class Transaction implements DocView {
  /** Version of every document read or written, as first seen; all must be unchanged at commit. */
  private readonly reads = new Map<string, ReadMark>();
  private readonly writes = new Map<string, Change>();
  readonly held = new Set<string>();
  /** Locks this transaction's requests are queued for (several when its callback runs requests in parallel). */
  readonly waitingFor = new Set<string>();
  /** Set when waiting for a lock would deadlock: it runs on without it, and its commit answers a conflict. */
  doomed = false;
  active = true;
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly id: string,
    private readonly manager: TransactionManager,
    private readonly store: Store,
  ) {}

  async lock(coll: Collection, ids: string[]): Promise<void> {
    for (const id of ids) await this.manager.acquire(this, lockKey(coll, id));
    if (!this.active) throw transactionGone(this.id);
  }

  get(coll: Collection, id: string): Doc | undefined {
    const own = this.writes.get(lockKey(coll, id));
    if (own) return own.doc ?? undefined;
    return coll.docs.get(id)?.doc;
  }

  *scan(coll: Collection, query: Doc): Iterable<Doc> {
    const shown = new Set<string>();
    for (const stored of coll.candidates(query)) {
      const own = this.writes.get(lockKey(coll, stored.idKey));
      if (!own) yield stored.doc;
      else if (own.doc) {
        shown.add(stored.idKey);
        yield own.doc;
      }
    }
    for (const w of this.writes.values()) if (w.coll === coll && w.doc && !shown.has(w.idKey)) yield w.doc;
  }

  touch(coll: Collection, id: string): void {
    const key = lockKey(coll, id);
    if (!this.reads.has(key)) this.reads.set(key, { coll, id, version: this.store.versionOf(coll, id) });
  }

  apply(coll: Collection, changes: ReadonlyMap<string, Doc | null>): void {
    const overlay = this.overlay(coll);
    for (const [id, doc] of changes) overlay.set(id, doc);
    coll.checkUnique(overlay);
    for (const [id, doc] of changes) {
      this.touch(coll, id);
      this.writes.set(lockKey(coll, id), { coll, idKey: id, doc });
    }
  }

  private overlay(coll: Collection): Map<string, Doc | null> {
    const overlay = new Map<string, Doc | null>();
    for (const w of this.writes.values()) if (w.coll === coll) overlay.set(w.idKey, w.doc);
    return overlay;
  }

  /** Validates and applies every buffered write in one SQLite transaction, or none; always ends the transaction. */
  commit(): void {
    try {
      if (this.doomed) throw transactionConflict();
      for (const r of this.reads.values()) {
        if (this.store.versionOf(r.coll, r.id) !== r.version) throw transactionConflict();
      }
      const colls = new Set([...this.writes.values()].map((w) => w.coll));
      for (const coll of colls) coll.checkUnique(this.overlay(coll));
      this.store.commit([...this.writes.values()]);
    } finally {
      this.manager.finish(this);
    }
  }
}

interface Waiter {
  tx: Transaction;
  grant: () => void;
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly locks = new Map<string, { holder: Transaction; queue: Waiter[] }>();

  constructor(private readonly store: Store) {}

  start(): Transaction {
    const tx = new Transaction(randomBytes(16).toString('hex'), this, this.store);
    tx.timer = setTimeout(() => this.finish(tx), LIFETIME_MS);
    tx.timer.unref();
    this.active.set(tx.id, tx);
    return tx;
  }

  get(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.active.get(id) : undefined;
    if (!tx) throw transactionGone(id);
    return tx;
  }

  /** Waits (FIFO) for the document's lock; the holder keeps it until it commits, aborts or expires. */
  async acquire(tx: Transaction, key: string): Promise<void> {
    if (tx.held.has(key) || tx.doomed || !tx.active) return;
    const lock = this.locks.get(key);
    if (!lock) {
      this.locks.set(key, { holder: tx, queue: [] });
      tx.held.add(key);
      return;
    }
    if (this.waitsFor(lock.holder, tx)) {
      tx.doomed = true;
      return;
    }
    tx.waitingFor.add(key);
    await new Promise<void>((grant) => lock.queue.push({ tx, grant }));
    tx.waitingFor.delete(key);
  }

  /** True when `from` is, through a chain of lock waits, waiting for `target`: queueing `target` would deadlock. */
  private waitsFor(from: Transaction, target: Transaction): boolean {
    const seen = new Set<Transaction>();
    const pending = [from];
    for (let current = pending.pop(); current; current = pending.pop()) {
      if (current === target) return true;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const key of current.waitingFor) {
        const holder = this.locks.get(key)?.holder;
        if (holder) pending.push(holder);
      }
    }
    return false;
  }

  /** Ends a transaction (commit, abort or expiry): releases its locks to the next waiters. */
  finish(tx: Transaction): void {
    if (!tx.active) return;
    tx.active = false;
    clearTimeout(tx.timer);
    this.active.delete(tx.id);
    // Requests still queued (the transaction expired meanwhile) resume and fail with "transaction gone".
    for (const key of tx.waitingFor) {
      const lock = this.locks.get(key);
      if (!lock) continue;
      const mine = lock.queue.filter((w) => w.tx === tx);
      lock.queue = lock.queue.filter((w) => w.tx !== tx);
      for (const w of mine) w.grant();
    }
    for (const key of tx.held) this.release(key);
    tx.held.clear();
  }

  private release(key: string): void {
    const lock = this.locks.get(key);
    if (!lock) return;
    const next = lock.queue[0];
    if (!next) {
      this.locks.delete(key);
      return;
    }
    // Every queued request of the new holder proceeds, not just the first.
    const granted = lock.queue.filter((w) => w.tx === next.tx);
    lock.queue = lock.queue.filter((w) => w.tx !== next.tx);
    lock.holder = next.tx;
    next.tx.held.add(key);
    for (const w of granted) w.grant();
  }

  close(): void {
    for (const tx of [...this.active.values()]) this.finish(tx);
  }
}
