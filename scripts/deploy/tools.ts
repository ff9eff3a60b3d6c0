// WeChat's and CloudBase's deployment tools are large (miniprogram-ci alone is ~270 MB) and only a real deploy needs
// them, so they are not project dependencies: the first real deploy installs the pinned versions into .deploy-tools/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Pinned so that a deploy does what it did when it was tested. */
export const TOOL_VERSIONS = {
  '@cloudbase/manager-node': '5.6.5',
  'miniprogram-ci': '2.1.42',
} as const;

export type ToolName = keyof typeof TOOL_VERSIONS;

/**
 * Loads a deployment tool from .deploy-tools/ (installing it there first, with npm, when missing).
 * @example const CloudBase = loadTool<CloudBaseCtor>(root, '@cloudbase/manager-node')
 */
export function loadTool<T>(root: string, name: ToolName): T {
  const dir = join(root, '.deploy-tools');
  const manifest = join(dir, 'package.json');
  const installed = join(dir, 'node_modules', name, 'package.json');
  const version = TOOL_VERSIONS[name];
  const req = createRequire(manifest);
  if (!existsSync(installed) || (req(installed) as { version: string }).version !== version) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(manifest)) writeFileSync(manifest, '{ "private": true }\n');
    console.log(`安装部署工具 ${name}@${version} 到 .deploy-tools/（只在第一次需要，约 1–3 分钟）…`);
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, `${name}@${version}`], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (r.status !== 0)
      throw new Error(
        `安装 ${name}@${version} 失败：请检查网络后重试，或手动运行 npm install --prefix .deploy-tools ${name}@${version}`,
      );
  }
  return req(name) as T;
}
