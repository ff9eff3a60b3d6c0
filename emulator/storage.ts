// Cloud file storage on local disk: cloud paths map to files under <dataDir>/storage, fileIDs look like WeChat's, and no
// path can leave the storage folder.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { LOCAL_ENV } from './context';
import { WX_ERR, WxApiError } from './wx-error';

/** The bucket part of fileIDs, in WeChat's `<hex of env>-<env>-<appid number>` form. */
export const LOCAL_BUCKET = `${Buffer.from(LOCAL_ENV).toString('hex')}-${LOCAL_ENV}-1300000000`;
const FILE_ID_PREFIX = `cloud://${LOCAL_ENV}.${LOCAL_BUCKET}/`;
const MAX_CLOUD_PATH = 1024;

/** Why a cloud path is refused, or null when it is acceptable. */
export function cloudPathProblem(cloudPath: unknown): string | null {
  if (typeof cloudPath !== 'string' || !cloudPath) return 'cloudPath must be a non-empty string';
  if (cloudPath.length > MAX_CLOUD_PATH) return `cloudPath is longer than ${MAX_CLOUD_PATH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(cloudPath)) return 'cloudPath contains a backslash or a control character';
  if (cloudPath.split('/').some((s) => s === '' || s === '.' || s === '..'))
    return 'cloudPath has an empty, "." or ".." segment';
  return null;
}

export class LocalStorage {
  private readonly root: string;
  private readonly owners: string;
  private readonly tmp: string;

  constructor(
    dataDir: string,
    private readonly publicUrl: () => string,
  ) {
    this.root = resolve(dataDir, 'storage');
    // Who uploaded a file from a client; WeChat's default rule lets only its creator overwrite or delete it from a client.
    this.owners = resolve(dataDir, 'storage-owners');
    this.tmp = resolve(dataDir, 'storage-tmp');
  }

  fileIdOf(cloudPath: string): string {
    return FILE_ID_PREFIX + cloudPath;
  }

  /** The cloud path of one of our fileIDs; throws like WeChat for foreign or malformed ones. */
  cloudPathOf(fileID: unknown, api: string): string {
    if (typeof fileID !== 'string' || !fileID.startsWith('cloud://'))
      throw new WxApiError(api, WX_ERR.INVALID_PARAM, 'invalid fileID');
    if (!fileID.startsWith(FILE_ID_PREFIX))
      throw new WxApiError(
        api,
        WX_ERR.STORAGE_PERMISSION_DENIED,
        'storage permission denied: fileID of another environment',
      );
    const cloudPath = fileID.slice(FILE_ID_PREFIX.length);
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new WxApiError(api, WX_ERR.INVALID_PARAM, `invalid fileID: ${problem}`);
    return cloudPath;
  }

  /** The file on disk for a cloud path; refuses anything that would resolve outside the storage folder. */
  private fileOf(base: string, cloudPath: string, api: string): string {
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new WxApiError(api, WX_ERR.INVALID_PARAM, problem);
    const file = resolve(base, ...cloudPath.split('/'));
    if (!file.startsWith(base + sep))
      throw new WxApiError(api, WX_ERR.INVALID_PARAM, 'cloudPath leaves the storage folder');
    return file;
  }

  /** The creator recorded for a client upload, or null for files written by cloud functions (or absent). */
  async ownerOf(cloudPath: string): Promise<string | null> {
    try {
      return await fs.readFile(this.fileOf(this.owners, cloudPath, 'storage'), 'utf8');
    } catch {
      return null;
    }
  }

  /** Writes atomically (temp file + rename), so a crash never leaves half a file under a valid fileID. */
  async put(cloudPath: string, content: unknown, owner?: string): Promise<string> {
    const api = 'uploadFile';
    const file = this.fileOf(this.root, cloudPath, api);
    const data = await toBuffer(content, api);
    await fs.mkdir(dirname(file), { recursive: true });
    await fs.mkdir(this.tmp, { recursive: true });
    const temp = join(this.tmp, randomUUID());
    const handle = await fs.open(temp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
    const ownerFile = this.fileOf(this.owners, cloudPath, api);
    if (owner) {
      await fs.mkdir(dirname(ownerFile), { recursive: true });
      await fs.writeFile(ownerFile, owner);
    } else {
      await fs.rm(ownerFile, { force: true });
    }
    return this.fileIdOf(cloudPath);
  }

  /** The file's bytes, or null when there is none (a directory is not a file). */
  async get(cloudPath: string, api = 'downloadFile'): Promise<Buffer | null> {
    const file = this.fileOf(this.root, cloudPath, api);
    try {
      return await fs.readFile(file);
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async remove(cloudPath: string): Promise<boolean> {
    const file = this.fileOf(this.root, cloudPath, 'deleteFile');
    try {
      await fs.unlink(file);
    } catch (e) {
      if (isMissing(e)) return false;
      throw e;
    }
    await fs.rm(this.fileOf(this.owners, cloudPath, 'deleteFile'), { force: true });
    return true;
  }

  /** Where the gateway serves the file (`GET /api/storage/<path>`). */
  urlOf(cloudPath: string): string {
    return `${this.publicUrl()}/api/storage/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
  }
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

async function toBuffer(content: unknown, api: string): Promise<Buffer> {
  if (Buffer.isBuffer(content)) return content;
  if (content instanceof Uint8Array) return Buffer.from(content);
  if (content instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  throw new WxApiError(api, WX_ERR.INVALID_PARAM, 'fileContent must be a Buffer or a ReadStream');
}
