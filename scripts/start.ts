// `npm start`: builds what is missing or stale (function bundles, the H5 build), then starts the local cloud and prints
// its address and the demo identities.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEnvConfig } from '../emulator/config';
import { discoverFunctions } from '../emulator/functions';
import type { RunningEmulator } from '../emulator/main';
import { closeOnSignals, startEmulator } from '../emulator/main';
import { buildFunctions } from './build-functions';
import { buildProgress, durationText } from './build-progress';

const root = join(__dirname, '..');
const ROLE_NAMES = {
  admin: '管理员 admin',
  secretary: '支部书记 secretary',
  handler: '部门经办人 handler',
  member: '党员 member',
  public: '群众 public',
};

/** The newest modification time of the files under `path` (0 when none); skips node_modules and built bundles. */
function newest(path: string, skip: (name: string) => boolean = () => false): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || skip(name)) continue;
    max = Math.max(max, newest(join(path, name), skip));
  }
  return max;
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Bundles each function whose index.js is missing or older than its own sources or the shared code it inlines. */
async function buildStaleFunctions(functionsDir: string): Promise<void> {
  const shared = Math.max(newest(join(root, 'src', 'domain')), newest(join(root, 'server')));
  const stale = discoverFunctions(functionsDir)
    .filter((fn) => {
      const built = mtime(join(fn.dir, 'index.js'));
      return (
        built === 0 ||
        built <
          Math.max(
            shared,
            newest(fn.dir, (name) => name === 'index.js' || name.endsWith('.map')),
          )
      );
    })
    .map((fn) => fn.name);
  if (stale.length === 0) return console.log('云函数已是最新 / function bundles are up to date');
  console.log(`打包云函数 / bundling functions: ${stale.join(', ')}`);
  for (const b of await buildFunctions({ names: stale })) console.log(`  ${b.name}: ${(b.bytes / 1024).toFixed(1)} KB`);
}

/** Runs the H5 build, printing its progress in a few lines and its output only when it fails; true when it built. */
function buildH5(): Promise<boolean> {
  const started = Date.now();
  const progress = buildProgress({ elapsed: () => Date.now() - started, print: (line) => console.log(line) });
  return new Promise((resolve) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => progress.write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => progress.write(chunk.toString()));
    child.on('error', (e) => {
      console.error(`无法运行 taro / could not run taro: ${e.message}`);
      resolve(false);
    });
    child.on('close', (status) => {
      const ms = Date.now() - started;
      const took = durationText(ms);
      if (status === 0) {
        console.log(`H5 构建完成，用时 ${took} / H5 built in ${Math.round(ms / 1000)} s`);
        return resolve(true);
      }
      console.log(progress.lines().join('\n'));
      console.log(`H5 构建失败（用时 ${took}），见上方输出 / the H5 build failed, see above`);
      resolve(false);
    });
  });
}

/** Builds dist-h5/ when it is missing or older than src/, config/ or types/; false when the build failed. */
async function buildH5IfStale(staticDir: string): Promise<boolean> {
  const built = mtime(join(staticDir, 'index.html'));
  const sources = Math.max(...['src', 'config', 'types'].map((d) => newest(join(root, d))));
  if (built > sources) {
    console.log('H5 已是最新 / the H5 build is up to date');
    return true;
  }
  console.log('构建 H5（双核电脑上约 1–2 分钟）/ building H5 (1–2 min on two cores)...');
  return buildH5();
}

/** Pads to a terminal width, counting CJK characters as two columns. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - columns));
}

function printBanner(emulator: RunningEmulator, dataDir: string, h5ok: boolean, hasOldH5: boolean): void {
  const lines = [
    '',
    '本地云已启动 / The local cloud is running',
    `  H5 页面 / app:       ${emulator.url}/`,
    `  健康检查 / health:   ${emulator.url}/api/health`,
    `  数据目录 / data:     ${dataDir}`,
  ];
  if (!h5ok) {
    lines.push(
      '',
      '!!! H5 构建失败（见上方输出），云函数接口仍可使用。' + (hasOldH5 ? '正在提供上一次的 H5 构建。' : ''),
      '!!! The H5 build FAILED (see the output above); the function gateway still works.' +
        (hasOldH5 ? ' Serving the previous H5 build.' : ''),
    );
  }
  if (emulator.identities.length > 0) {
    lines.push('', '演示身份（在“我的”页底部切换）/ demo identities (switch at the bottom of 我的):');
    for (const id of emulator.identities)
      lines.push(`  ${pad(id.openid, 16)}${pad(ROLE_NAMES[id.role], 22)}${id.label}`);
  } else {
    lines.push('', '空数据库（DEMO_DATA=0 或首次启动时未载入演示数据）/ empty database: no demo identities');
  }
  lines.push('', '按 Ctrl+C 停止 / press Ctrl+C to stop', '');
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const config = readEnvConfig();
  const staticDir = config.staticDir ?? join(root, 'dist-h5');
  if (config.functionsFrom === 'bundle') await buildStaleFunctions(config.functionsDir ?? join(root, 'cloudfunctions'));
  const h5ok = await buildH5IfStale(staticDir);
  const emulator = await startEmulator({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    demoData: config.demoData,
    functionsFrom: config.functionsFrom,
    functionsDir: config.functionsDir,
    collectionsFile: config.collectionsFile,
    staticDir,
  });
  closeOnSignals(emulator);
  printBanner(emulator, config.dataDir, h5ok, existsSync(join(staticDir, 'index.html')));
}

main().catch((e: unknown) => {
  console.error(`\n启动失败 / npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
