// Stored files as links: temporary download URLs for files in cloud storage (notices' attachments, contest entries').
import { cloud } from './cloud';

/** Temporary URLs for stored files (one storage call); a file storage cannot serve maps to nothing. */
export async function tempUrls(fileIDs: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  if (fileIDs.length === 0) return urls;
  try {
    const res = (await cloud.getTempFileURL({ fileList: [...new Set(fileIDs)] })) as {
      fileList?: Array<{ fileID?: string; tempFileURL?: string; status?: number }>;
    };
    for (const f of res.fileList ?? [])
      if (f.status === 0 && f.fileID && f.tempFileURL) urls.set(f.fileID, f.tempFileURL);
  } catch {
    // Storage unavailable: the text still shows; the page says the file cannot be opened now.
  }
  return urls;
}
