// Type of `./checkin-device` for the type checker; the build picks checkin-device.weapp.ts or checkin-device.h5.ts.
import type { DeviceLocation, PickedPlace } from './checkin-device-types';

export type { DeviceLocation, PickedPlace } from './checkin-device-types';

/** The mini-program's launch scene (1047 camera scan, 1048/1049 long-press or album ...); undefined on H5. */
export declare function launchScene(): number | undefined;
/** The phone's location (gcj02, as the place picker gives it), or undefined when refused or unavailable. */
export declare function currentLocation(): Promise<DeviceLocation | undefined>;
/** Whether the check-in page can open the camera to scan again. */
export declare const canScanAgain: boolean;
/** Opens the camera; the scene of the scanned check-in code, or null (cancelled, not a check-in code). */
export declare function scanCheckInScene(): Promise<string | null>;
/** The address a code stands for where one exists (the H5 page); null in the mini-program. */
export declare function checkInLink(scene: string): string | null;
/** Whether the activity form can pick a place on a map. */
export declare const canPickPlace: boolean;
export declare function pickPlace(): Promise<PickedPlace | null>;
/** Opens (or downloads) an exported Excel file. */
export declare function openExport(url: string, fileName: string): Promise<void>;
