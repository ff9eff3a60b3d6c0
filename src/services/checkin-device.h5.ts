// H5 (the local cloud): no launch scene or camera; the code stands for this page's address; downloads by link.
import type { DeviceLocation, PickedPlace } from './checkin-device-types';

export function launchScene(): number | undefined {
  return undefined;
}

export async function currentLocation(): Promise<DeviceLocation | undefined> {
  // The browser would ask for permission on every scan; the H5 build is for the local cloud, so it is not asked.
  return undefined;
}

export const canScanAgain = false;

export async function scanCheckInScene(): Promise<string | null> {
  return null;
}

/** The same address the local cloud's code encodes (hash routing). */
export function checkInLink(scene: string): string | null {
  return `${window.location.origin}${window.location.pathname}#/pages/checkin/index?scene=${encodeURIComponent(scene)}`;
}

export const canPickPlace = false;

export async function pickPlace(): Promise<PickedPlace | null> {
  return null;
}

export async function openExport(url: string, fileName: string): Promise<void> {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.target = '_blank';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
