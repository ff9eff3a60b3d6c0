// Mini-program: a code that opens a mini-program page comes only from WeChat's wxacode API, so the `live` function
// makes it (live.joinCode); there is no web address to show next to it.
import { call } from '@/services/call';

export function liveAppLink(_path: string): string | null {
  return null;
}

export function liveJoinLink(_sessionId: string): string | null {
  return null;
}

export async function liveJoinCode(sessionId: string): Promise<string | null> {
  return (await call('live', 'joinCode', { sessionId })).image;
}
