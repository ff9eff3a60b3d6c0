// H5 only: uploads a file to the emulator's storage (POST /api/storage/upload) and returns its fileID.
import { requestJson, unwrapEnvelope } from './http.h5';

export async function uploadBlob(cloudPath: string, file: Blob): Promise<string> {
  const { status, body } = await requestJson(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    contentType: file.type || 'application/octet-stream',
    body: file,
  });
  return unwrapEnvelope<{ fileID: string }>(status, body).fileID;
}
