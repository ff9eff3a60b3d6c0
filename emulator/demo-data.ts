// Loads the demo data once per data directory and records that it completed, so an interrupted load is redone from a
// clean database instead of being half kept.
import { existsSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '../src/domain/errors';
import type { DemoIdentity } from './demo/seed';
import { IDENTITIES_FILE } from './gateway';

export const SEED_STATE_FILE = 'demo-seed.json';

export type SeedInvoke = (fn: string, action: string, data: unknown, openid?: string) => Promise<Envelope<unknown>>;

interface SeedState {
  /** `abandoned`: an interrupted load that a start without demo data chose to keep (never wiped later). */
  status: 'started' | 'done' | 'abandoned';
  at: string;
}

/** Replaces a file in one step, so a crash leaves either the old or the new content. */
function writeJsonAtomic(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${file}.tmp`, file);
}

function readSeedState(dataDir: string): SeedState | null {
  const file = join(dataDir, SEED_STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedState) : null;
}

/** True when an earlier start began loading the demo data and never finished. */
export function seedWasInterrupted(dataDir: string): boolean {
  return readSeedState(dataDir)?.status === 'started';
}

/** Keeps a half-loaded database for good (a start with DEMO_DATA=0 may write real data into it). */
export function abandonInterruptedSeed(dataDir: string): void {
  writeJsonAtomic(join(dataDir, SEED_STATE_FILE), {
    status: 'abandoned',
    at: new Date().toISOString(),
  } satisfies SeedState);
}

/** Removes what an interrupted load left behind: the database files, stored files and the seed records. */
export function discardPartialData(dataDir: string, dbFile: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) rmSync(f, { force: true });
  for (const d of ['storage', 'storage-owners', 'storage-tmp'])
    rmSync(join(dataDir, d), { recursive: true, force: true });
  rmSync(join(dataDir, IDENTITIES_FILE), { force: true });
  rmSync(join(dataDir, SEED_STATE_FILE), { force: true });
}

export function readIdentities(dataDir: string): DemoIdentity[] {
  const file = join(dataDir, IDENTITIES_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { identities: DemoIdentity[] }).identities : [];
}

/** Runs the demo seed through the functions and records the identities it created. */
export async function loadDemoData(dataDir: string, invoke: SeedInvoke): Promise<DemoIdentity[]> {
  writeJsonAtomic(join(dataDir, SEED_STATE_FILE), {
    status: 'started',
    at: new Date().toISOString(),
  } satisfies SeedState);
  // Loaded only when needed: tests and empty databases never pay for it.
  const { seedDemoData } = await import('./demo/seed');
  const identities = await seedDemoData(invoke);
  writeJsonAtomic(join(dataDir, IDENTITIES_FILE), { identities });
  writeJsonAtomic(join(dataDir, SEED_STATE_FILE), { status: 'done', at: new Date().toISOString() } satisfies SeedState);
  return identities;
}
