// H5 only: the emulator's list of ready-made identities (GET /api/dev/identities) for the identity switcher.
import { requestJson, unwrapEnvelope } from './http.h5';

export interface DevIdentity {
  openid: string;
  label: string;
  role: string;
}

export async function fetchDevIdentities(): Promise<DevIdentity[]> {
  const { status, body } = await requestJson('/api/dev/identities', { method: 'GET' });
  return unwrapEnvelope<{ identities: DevIdentity[] }>(status, body).identities;
}
