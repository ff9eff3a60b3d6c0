// Removes the demo-data directory that global-setup.ts made, and prints the accessibility checks' summary line.
import { rmSync } from 'node:fs';
import { axeSummary } from './a11y';
import { SEEDED_DIR_ENV } from './emulator';

export default function globalTeardown(): void {
  const dir = process.env[SEEDED_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
  const summary = axeSummary();
  if (summary) console.log(`\n${summary}\n`);
}
