// Uploads the built mini-program (dist/, found through project.config.json's miniprogramRoot) as a development
// version with WeChat's miniprogram-ci and the project's code upload key.
import type { ToolName } from './tools';

interface MiniprogramCi {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => unknown;
  upload(options: {
    project: unknown;
    version: string;
    desc: string;
    robot?: number;
    setting?: { useProjectConfig?: boolean };
    onProgressUpdate?: (task: unknown) => void;
  }): Promise<{ subPackageInfo?: Array<{ name: string; size: number }> }>;
}

export interface UploadOptions {
  root: string;
  appid: string;
  keyFile: string;
  version: string;
  desc: string;
  /** Which of the 30 CI robots uploads (WeChat lists each robot's latest upload separately). */
  robot: number;
}

/** Uploads and returns the package sizes WeChat reports (bytes by package name). */
export async function uploadMiniprogram(
  load: <T>(name: ToolName) => T,
  opts: UploadOptions,
): Promise<Array<{ name: string; size: number }>> {
  const ci = load<MiniprogramCi>('miniprogram-ci');
  const project = new ci.Project({
    appid: opts.appid,
    type: 'miniProgram',
    projectPath: opts.root,
    privateKeyPath: opts.keyFile,
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*', '.deploy-tools/**/*', '.deploy/**/*'],
  });
  const result = await ci.upload({
    project,
    version: opts.version,
    desc: opts.desc,
    robot: opts.robot,
    // minified, minifyWXML, minifyWXSS come from project.config.json, as in WeChat DevTools.
    setting: { useProjectConfig: true },
    onProgressUpdate: () => undefined,
  });
  return result.subPackageInfo ?? [];
}
