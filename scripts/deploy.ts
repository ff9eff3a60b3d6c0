// `npm run deploy`: builds the function bundles (and the weapp), checks the deployment offline, prints the plan, then
// creates or updates collections, indexes, client rules, functions, triggers and storage rules with CloudBase's
// management SDK and uploads the mini-program with miniprogram-ci. `--dry-run` stops after the plan (no network, no key).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildFunctions } from './build-functions';
import type { CloudBaseCtor } from './deploy/cloudbase';
import { CloudBaseTarget } from './deploy/cloudbase';
import { uploadMiniprogram } from './deploy/miniprogram';
import type { CloudState, Part, Step } from './deploy/plan';
import { applyPlan, buildPlan, describeStep, EMPTY_STATE, formatPlan, PARTS } from './deploy/plan';
import {
  benchP95,
  desiredCollections,
  desiredFunction,
  hashFiles,
  miniprogramSource,
  parseCollectionsFile,
  parseFunctionConfig,
  STORAGE_ACCESS,
} from './deploy/project';
import { scanFunctions } from './deploy/scan';
import type { ToolName } from './deploy/tools';
import { loadTool } from './deploy/tools';
import { validateDeployment } from './deploy/validate';

const ROOT = resolve(__dirname, '..');
const STAGE = join(ROOT, '.deploy', 'functions');

const USAGE = `用法：npm run deploy -- --env <环境ID> [选项]

  --env <id>           云开发环境 ID（也可设 CLOUDBASE_ENV_ID）
  --only <部分,...>    只部署这些部分：database, functions, storage, miniprogram（默认全部）
  --dry-run            只检查并打印计划：不联网、不需要密钥
  --state <file>       与这份云端状态快照比较（--dry-run 时；默认视为全新环境）
  --save-state <file>  把执行计划后的云端状态写入该文件（可作下次 --state）
  --version <v>        小程序版本号（默认 package.json 的 version）
  --desc <text>        小程序版本描述
  --robot <1-30>       上传小程序所用的 CI 机器人编号（默认 1）
  --skip-build         不重新构建 weapp（dist/ 已是要上传的版本）

密钥（环境变量，或 DEPLOY_SECRETS_FILE 指向仓库之外的 KEY=VALUE 文件）：
  TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY   腾讯云 API 密钥（云开发控制台的主账号或子账号）
  WX_UPLOAD_KEY                                   小程序代码上传密钥文件的路径（不设则不上传小程序）
  WX_APPID                                        小程序 AppID（默认取 project.config.json）
云函数环境变量（如 ADMIN_OPENIDS、HOTLINE_REPLY_TEMPLATE_ID）同样从环境变量或该文件读取；未设置的保留云端现值。`;

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

/** KEY=VALUE lines; a secrets file inside the repository is refused, so that no key can be committed by accident. */
function readSecretsFile(file: string): Record<string, string> {
  const full = resolve(file);
  const rel = relative(ROOT, full);
  if (!rel.startsWith('..') && !isAbsolute(rel))
    fail(`DEPLOY_SECRETS_FILE 在仓库内（${rel}）：请放到仓库之外，密钥不能进入 git`);
  if (!existsSync(full)) fail(`DEPLOY_SECRETS_FILE 指向的文件不存在：${full}`);
  const out: Record<string, string> = {};
  for (const line of readFileSync(full, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** Copies each bundle with its package.json into its own folder, so that WeChat receives no TypeScript sources. */
function stageFunction(name: string): string {
  const dir = join(STAGE, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['index.js', 'package.json']) copyFileSync(join(ROOT, 'cloudfunctions', name, f), join(dir, f));
  return dir;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      env: { type: 'string' },
      only: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      state: { type: 'string' },
      'save-state': { type: 'string' },
      version: { type: 'string' },
      desc: { type: 'string' },
      robot: { type: 'string', default: '1' },
      'skip-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dryRun = args['dry-run'];
  const parts = (args.only ? args.only.split(',').map((p) => p.trim()) : [...PARTS]) as Part[];
  const unknownPart = parts.find((p) => !PARTS.includes(p));
  if (unknownPart) fail(`未知的部分 "${unknownPart}"（可选：${PARTS.join(', ')}）`);
  if (args.state && !dryRun) fail('--state 只用于 --dry-run；真实部署读取云端的实际状态');

  const secrets = process.env.DEPLOY_SECRETS_FILE ? readSecretsFile(process.env.DEPLOY_SECRETS_FILE) : {};
  const setting = (key: string): string | undefined => process.env[key] || secrets[key] || undefined;

  // 1. Bundles, and what their sources use.
  const started = Date.now();
  const built = await buildFunctions();
  const scans = scanFunctions(Object.fromEntries(built.map((b) => [b.name, b.inputs])), ROOT);
  const collectionsFile = parseCollectionsFile(readFileSync(join(ROOT, 'database', 'collections.json'), 'utf8'));
  const desired: CloudState = {
    collections: desiredCollections(collectionsFile),
    functions: {},
    storage: STORAGE_ACCESS,
    miniprogram: miniprogramSource(ROOT),
  };
  if (args.version) desired.miniprogram = { ...desired.miniprogram!, version: args.version };
  for (const b of built) {
    const configFile = join(ROOT, 'cloudfunctions', b.name, 'config.json');
    const config = existsSync(configFile)
      ? parseFunctionConfig(readFileSync(configFile, 'utf8'), relative(ROOT, configFile))
      : {};
    const dir = stageFunction(b.name);
    const codeHash = hashFiles(dir, [join(dir, 'index.js'), join(dir, 'package.json')]);
    const values = Object.fromEntries(scans[b.name].envVars.map((k) => [k, setting(k)]));
    desired.functions[b.name] = desiredFunction(config, scans[b.name], values, codeHash);
  }
  const benchFile = join(ROOT, 'bench', 'results.md');
  const bench = existsSync(benchFile) ? benchP95(readFileSync(benchFile, 'utf8')) : {};

  // 2. Offline checks.
  const problems = validateDeployment({ desired, scans, benchP95Ms: bench });
  const queries = Object.values(scans).reduce((n, s) => n + s.queries.length, 0);
  const opaque = Object.values(scans).reduce(
    (n, s) => n + s.queries.filter((q) => q.partial && !q.filter.length).length,
    0,
  );
  console.log(
    `检查：${built.length} 个云函数，${Object.keys(desired.collections).length} 个集合，` +
      `${Object.values(desired.collections).reduce((n, c) => n + c.indexes.length, 0)} 个索引；` +
      `源码中找到 ${queries} 个筛选或排序查询（其中 ${opaque} 个条件在别处构造，无法静态检查）`,
  );
  for (const p of problems) console.log(`${p.severity === 'error' ? '✗ 错误' : '! 警告'} [${p.subject}] ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) fail(`${errors.length} 个错误，未部署`);
  const unsetVars = [...new Set(Object.values(scans).flatMap((s) => s.envVars))].filter((k) => !setting(k));

  // 3. The cloud's current state.
  let remote: CloudState = EMPTY_STATE;
  let target: CloudBaseTarget | undefined;
  const load = <T>(name: ToolName): T => loadTool<T>(ROOT, name);
  const envId = args.env ?? setting('CLOUDBASE_ENV_ID');
  if (dryRun) {
    if (args.state) {
      const saved = JSON.parse(readFileSync(resolve(args.state), 'utf8')) as Partial<CloudState>;
      if (typeof saved.collections !== 'object' || typeof saved.functions !== 'object') {
        fail(`${args.state} 不是 --save-state 保存的云端状态（缺少 collections / functions）`);
      }
      remote = saved as CloudState;
    }
  } else if (parts.some((p) => p !== 'miniprogram')) {
    const missing = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter((k) => !setting(k));
    if (!envId) fail('缺少环境 ID：用 --env <环境ID> 或设置 CLOUDBASE_ENV_ID（云开发控制台“概览”里可见）');
    if (missing.length) fail(`缺少 ${missing.join('、')}：请在环境变量或 DEPLOY_SECRETS_FILE 中设置腾讯云 API 密钥`);
    const CloudBase = load<CloudBaseCtor>('@cloudbase/manager-node');
    const app = new CloudBase({
      secretId: setting('TENCENTCLOUD_SECRETID')!,
      secretKey: setting('TENCENTCLOUD_SECRETKEY')!,
      envId,
    });
    target = new CloudBaseTarget(app, envId);
    console.log(`读取云开发环境 ${envId} 的当前状态…`);
    remote = await target.read(Object.keys(desired.collections), Object.keys(desired.functions));
  }

  // 4. The plan.
  const uploadKey = setting('WX_UPLOAD_KEY');
  const plan = buildPlan(desired, remote, parts);
  console.log(`\n部署计划${dryRun ? '（--dry-run，未执行）' : ''}${envId ? `：环境 ${envId}` : ''}`);
  console.log(formatPlan(plan));
  if (unsetVars.length) console.log(`未设置的云函数环境变量（保留云端现值）：${unsetVars.join('、')}`);
  if (plan.steps.some((s) => s.kind === 'uploadMiniprogram') && !uploadKey) {
    console.log('未设置 WX_UPLOAD_KEY（小程序代码上传密钥文件）：不上传小程序');
  }
  const saveState = (state: CloudState) => {
    if (args['save-state']) writeFileSync(resolve(args['save-state']), `${JSON.stringify(state, null, 2)}\n`);
  };
  if (dryRun) {
    saveState(applyPlan(remote, plan.steps));
    console.log(`\n✓ 检查通过（${((Date.now() - started) / 1000).toFixed(1)}s）`);
    return;
  }

  // 5. Carry it out, in order; stop at the first failure and say what was done.
  const done: Step[] = [];
  for (const step of plan.steps) {
    console.log(`→ ${describeStep(step)}`);
    try {
      if (step.kind === 'uploadMiniprogram') {
        if (!uploadKey) continue;
        if (!existsSync(uploadKey)) fail(`WX_UPLOAD_KEY 指向的文件不存在：${uploadKey}`);
        const appid =
          setting('WX_APPID') ??
          (JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as { appid: string }).appid;
        if (!appid || appid === 'touristappid')
          fail('缺少小程序 AppID：设置 WX_APPID，或改 project.config.json 的 appid');
        if (!args['skip-build']) {
          const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, stdio: 'inherit' });
          if (r.status !== 0) fail('weapp 构建失败');
        }
        const robot = Number(args.robot);
        const sizes = await uploadMiniprogram(load, {
          root: ROOT,
          appid,
          keyFile: uploadKey,
          version: step.version,
          desc: args.desc ?? `npm run deploy ${step.version}`,
          robot: Number.isInteger(robot) && robot >= 1 && robot <= 30 ? robot : 1,
        });
        for (const s of sizes) console.log(`   ${s.name}: ${(s.size / 1024).toFixed(0)} KB`);
      } else {
        await target!.apply(step, (name) => join(STAGE, name));
      }
      done.push(step);
    } catch (e) {
      saveState(applyPlan(remote, done));
      fail(
        `失败：${describeStep(step)}\n  ${(e as Error).message}\n已完成 ${done.length}/${plan.steps.length} 项；修正后重新运行即可（已完成的不会重复）`,
      );
    }
  }
  saveState(applyPlan(remote, done));
  console.log(`\n✓ 部署完成：${done.length} 项（${((Date.now() - started) / 1000).toFixed(0)}s）`);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
