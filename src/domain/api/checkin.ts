// Contract of the `checkin` cloud function: input schemas and output shapes (scan, live attendance, 补签, list/get,
// qrImage and the sign-in sheet export).
import { z } from 'zod';
import type { ActivityKind, ActivityPhase, CheckInFlag, CheckInStatus, ScanSource } from '../checkin';
import { ACTIVITY_KINDS } from '../checkin';
import { id, input, text } from './common';

/** ISO 8601 with an offset, e.g. 2020-07-01T09:00:00+08:00. */
const isoTime = z.iso.datetime({ offset: true });
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const checkinSchemas = {
  createActivity: input({
    title: text(64),
    kind: z.enum(ACTIVITY_KINDS),
    orgIds: z.array(id).min(1).max(50),
    startAt: isoTime,
    endAt: isoTime,
    location: input({ latitude, longitude, radiusM: z.number().int().min(20).max(5000) }).optional(),
    /** Where, for people (e.g. 三楼党员活动室). */
    place: text(64).optional(),
    /** Minutes before the start when scanning opens (default 30). */
    opensBeforeMinutes: z.number().int().min(0).max(720).optional(),
  }),
  qrToken: input({ activityId: id }),
  qrImage: input({ activityId: id }),
  checkIn: input({
    scene: z.string().trim().min(1).max(96),
    location: input({ latitude, longitude }).optional(),
    /** The mini-program's launch scene (1047 camera scan, 1048/1049 long-press or album ...). */
    launchScene: z.number().int().min(0).max(99999).optional(),
  }),
  manualCheckIn: input({ activityId: id, memberId: id, reason: text(100).describe('补签原因') }),
  attendance: input({ activityId: id, summary: z.boolean().optional() }),
  list: input({ scope: z.enum(['mine', 'manage']) }),
  get: input({ activityId: id }),
  export: input({ activityId: id }),
};

export interface ActivityLocation {
  latitude: number;
  longitude: number;
  radiusM: number;
}

export interface ActivitySummary {
  activityId: string;
  title: string;
  kind: ActivityKind;
  orgIds: string[];
  startAt: string;
  endAt: string;
  opensAt: string;
  place: string | null;
  hasLocation: boolean;
  phase: ActivityPhase;
  /** The caller's own check-in (scope `mine`), null when not in. */
  myStatus: CheckInStatus | null;
}

export interface ActivityDetail extends ActivitySummary {
  location: ActivityLocation | null;
  /** Whether the caller may show the code, see attendance and do 补签. */
  canManage: boolean;
}

export interface Absentee {
  memberId: string;
  name: string;
  orgId: string;
}

export interface FlaggedCheckIn {
  memberId: string;
  name: string;
  status: CheckInStatus;
  flags: CheckInFlag[];
  distanceM: number | null;
}

export interface ManualCheckIn {
  memberId: string;
  name: string;
  reason: string;
  byName: string;
}

export interface CheckinApi {
  createActivity: { input: z.input<typeof checkinSchemas.createActivity>; output: { activityId: string } };
  qrToken: {
    input: z.input<typeof checkinSchemas.qrToken>;
    output: { scene: string; path: string; expiresAt: string };
  };
  qrImage: {
    input: z.input<typeof checkinSchemas.qrImage>;
    /** `image` is a data: URL of the PNG (the mini-program code on WeChat; a QR of the H5 page locally). */
    output: { scene: string; path: string; expiresAt: string; image: string; refreshMs: number };
  };
  checkIn: {
    input: z.input<typeof checkinSchemas.checkIn>;
    output: {
      activityId: string;
      status: CheckInStatus;
      duplicate: boolean;
      title: string;
      checkedInAt: string;
      flags: CheckInFlag[];
      source: ScanSource;
    };
  };
  manualCheckIn: { input: z.input<typeof checkinSchemas.manualCheckIn>; output: { duplicate: boolean } };
  attendance: {
    input: z.input<typeof checkinSchemas.attendance>;
    /**
     * `present` counts everyone checked in (on time and late); `late` is the part of them that came late; `rate` is
     * present / expected in percent. With `summary: true` the lists are empty (the live count of the code page).
     */
    output: {
      expected: number;
      present: number;
      late: number;
      flagged: number;
      manual: number;
      rate: number;
      absentees: Absentee[];
      flaggedList: FlaggedCheckIn[];
      manualList: ManualCheckIn[];
    };
  };
  list: { input: z.input<typeof checkinSchemas.list>; output: { activities: ActivitySummary[] } };
  get: { input: z.input<typeof checkinSchemas.get>; output: ActivityDetail };
  export: {
    input: z.input<typeof checkinSchemas.export>;
    output: { fileID: string; url: string; fileName: string };
  };
}
