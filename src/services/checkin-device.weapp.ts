// Mini-program: the launch scene, location, the camera, the map picker and opening the exported sheet.
import Taro from '@tarojs/taro';
import type { DeviceLocation, PickedPlace } from './checkin-device-types';

export function launchScene(): number | undefined {
  try {
    return Taro.getEnterOptionsSync().scene;
  } catch {
    return undefined;
  }
}

export async function currentLocation(): Promise<DeviceLocation | undefined> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02' });
    return { latitude: r.latitude, longitude: r.longitude };
  } catch {
    // Refused or off: the check-in still goes through and is flagged for the secretary.
    return undefined;
  }
}

export const canScanAgain = true;

export async function scanCheckInScene(): Promise<string | null> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true });
    const match = /[?&]scene=([^&]+)/.exec(r.path ?? '');
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

export function checkInLink(_scene: string): string | null {
  return null;
}

export const canPickPlace = true;

export async function pickPlace(): Promise<PickedPlace | null> {
  try {
    const r = await Taro.chooseLocation({});
    return { latitude: r.latitude, longitude: r.longitude, name: r.name || r.address };
  } catch {
    return null;
  }
}

export async function openExport(url: string, _fileName: string): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
