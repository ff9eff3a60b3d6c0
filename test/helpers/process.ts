// Runs the emulator as its own process (`node --import tsx emulator/main.ts`), for tests that kill it or check its exit.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures';

export interface EmulatorProcess {
  proc: ChildProcess;
  /** Resolves with the gateway URL once the process prints it; rejects if the process exits first. */
  ready: Promise<string>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
}

/** Starts the emulator process with `env` on top of this one's environment (PORT defaults to 0: a free port). */
export function spawnEmulator(env: Record<string, string>): EmulatorProcess {
  // Node itself with tsx's loader, not the `tsx` command: that runs the program in a child process, which a SIGKILL of
  // the command would leave running.
  const proc = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'emulator', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`emulator exited (${code ?? signal}) before it was ready:\n${out}`)),
    );
  });
  // A test that fails before it awaits `ready` must not leave an unhandled rejection behind.
  ready.catch(() => undefined);
  return { proc, ready, exited, output: () => out };
}
