// Stored files as links: temporary download URLs for files in cloud storage (notices' attachments, contest entries').
import { cloud } from './cloud';

/**
 * Temporary URLs for stored files (one storage call); a file storage cannot serve maps to nothing. `maxAgeS` limits
 * how long they stay valid (storage's default otherwise).
 */
export async function tempUrls(fileIDs: readonly string[], maxAgeS?: number): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  if (fileIDs.length === 0) return urls;
  const ids = [...new Set(fileIDs)];
  try {
    const res = (await cloud.getTempFileURL({
      fileList: maxAgeS === undefined ? ids : ids.map((fileID) => ({ fileID, maxAge: maxAgeS })),
    })) as { fileList?: Array<{ fileID?: string; tempFileURL?: string; status?: number }> };
    for (const f of res.fileList ?? [])
      if (f.status === 0 && f.fileID && f.tempFileURL) urls.set(f.fileID, f.tempFileURL);
  } catch {
    // Storage unavailable: the text still shows; the page says the file cannot be opened now.
  }
  return urls;
}

/** Each file with its temporary URL, or null where storage cannot serve it now (one storage call). */
export async function filesWithUrls(
  fileIDs: readonly string[],
  maxAgeS?: number,
): Promise<Array<{ fileID: string; url: string | null }>> {
  const urls = await tempUrls(fileIDs, maxAgeS);
  return fileIDs.map((fileID) => ({ fileID, url: urls.get(fileID) ?? null }));
}
