// A mini-program code (wxacode.getUnlimited) as a data: URL the app can show; the function's config.json must allow it.
import { cloud } from './cloud';

interface GetUnlimitedResult {
  buffer?: Buffer | Uint8Array;
  contentType?: string;
}

/**
 * The code that opens `page` (no leading slash, no query) with `scene` (1..32 of WeChat's allowed characters).
 * A failure of WeChat's API is not the caller's fault: it is thrown, logged, and answered as INTERNAL.
 */
export async function miniProgramCode(scene: string, page: string): Promise<string> {
  const result = (await cloud.openapi.wxacode.getUnlimited({
    scene,
    page,
    checkPath: false,
    width: 430,
  })) as GetUnlimitedResult;
  if (!result.buffer) throw new Error('wxacode.getUnlimited returned no image');
  return `data:${result.contentType ?? 'image/png'};base64,${Buffer.from(result.buffer).toString('base64')}`;
}
