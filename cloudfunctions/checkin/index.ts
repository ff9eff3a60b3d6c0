// The `checkin` cloud function: activities, the rotating code, scanning in, 补签, attendance and the sign-in sheet.
import { checkinSchemas } from '@/domain/api/checkin';
import type { ContractTable } from '../../server/dispatch';
import { action, defineFunction } from '../../server/dispatch';
import { createActivity, get, list } from './activities';
import { attendance, exportSheet } from './attendance';
import { qrImage, qrToken } from './code';
import { checkIn, manualCheckIn } from './scan';

const MANAGERS = ['admin', 'secretary'] as const;

const actions = {
  createActivity: action({ input: checkinSchemas.createActivity, auth: MANAGERS, handler: createActivity }),
  qrToken: action({ input: checkinSchemas.qrToken, auth: MANAGERS, handler: qrToken }),
  qrImage: action({ input: checkinSchemas.qrImage, auth: MANAGERS, handler: qrImage }),
  checkIn: action({ input: checkinSchemas.checkIn, auth: 'signed-in', handler: checkIn }),
  manualCheckIn: action({ input: checkinSchemas.manualCheckIn, auth: MANAGERS, handler: manualCheckIn }),
  attendance: action({ input: checkinSchemas.attendance, auth: MANAGERS, handler: attendance }),
  export: action({ input: checkinSchemas.export, auth: MANAGERS, handler: exportSheet }),
  list: action({ input: checkinSchemas.list, auth: 'signed-in', handler: list }),
  get: action({ input: checkinSchemas.get, auth: 'signed-in', handler: get }),
} satisfies ContractTable<'checkin'>;

export const main = defineFunction(actions);
