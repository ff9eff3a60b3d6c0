// Removes the demo-data directory that global-setup.ts made.
import { rmSync } from 'node:fs';
import { SEEDED_DIR_ENV } from './emulator';

export default function globalTeardown(): void {
  const dir = process.env[SEEDED_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
