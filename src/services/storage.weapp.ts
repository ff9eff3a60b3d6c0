// Mini-program only: uploads a local temp file to cloud storage and returns its fileID.
import Taro from '@tarojs/taro';
import { CallError } from './call-error';

export async function uploadTempFile(cloudPath: string, filePath: string): Promise<string> {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    return res.fileID;
  } catch {
    throw new CallError('UNAVAILABLE', '文件上传失败，请检查网络后重试');
  }
}
