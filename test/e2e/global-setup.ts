// Loads the demo data once for all browser-test files (it goes through the functions and takes seconds); each
// file's emulator then starts from a copy of this data directory (emulator.ts).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearAxeRecords } from './a11y';
import { SEEDED_DIR_ENV, startE2eEmulator } from './emulator';

export default async function globalSetup(): Promise<void> {
  delete process.env[SEEDED_DIR_ENV];
  clearAxeRecords();
  const cloud = await startE2eEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-seeded-'));
  try {
    // Closing the emulator checkpoints the database into its file, so a copy of the folder is the whole state.
    await cloud.emulator.close();
    cpSync(cloud.dataDir, dir, { recursive: true });
  } finally {
    await cloud.close();
  }
  process.env[SEEDED_DIR_ENV] = dir;
}
