// The 志愿服务 rows of the register function's action table: organisers (admin, secretaries) and members.
import { registerSchemas } from '@/domain/api/register';
import { action } from '../../server/dispatch';
import { volCancel, volCreate, volGet, volList, volMine, volRecordHours, volSignUp, volSummary } from './volunteer';
import { volExport } from './volunteer-export';

const KEEPERS = ['admin', 'secretary'] as const;

export const volunteerActions = {
  volCreate: action({ input: registerSchemas.volCreate, auth: KEEPERS, handler: volCreate }),
  volList: action({ input: registerSchemas.volList, auth: KEEPERS, handler: volList }),
  volGet: action({ input: registerSchemas.volGet, auth: KEEPERS, handler: volGet }),
  volRecordHours: action({ input: registerSchemas.volRecordHours, auth: KEEPERS, handler: volRecordHours }),
  volSummary: action({ input: registerSchemas.volSummary, auth: KEEPERS, handler: volSummary }),
  volExport: action({ input: registerSchemas.volExport, auth: KEEPERS, handler: volExport }),
  volMine: action({ input: registerSchemas.volMine, auth: 'signed-in', handler: volMine }),
  volSignUp: action({ input: registerSchemas.volSignUp, auth: 'signed-in', handler: volSignUp }),
  volCancel: action({ input: registerSchemas.volCancel, auth: 'signed-in', handler: volCancel }),
};
