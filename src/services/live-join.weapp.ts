// Mini-program: a code that opens a mini-program page comes only from WeChat's wxacode API on the server, which the
// `live` function does not offer yet; the big screen then tells members where to find the session instead.
export function liveAppLink(_path: string): string | null {
  return null;
}

export function liveJoinLink(_sessionId: string): string | null {
  return null;
}

export async function liveJoinCode(_sessionId: string): Promise<string | null> {
  return null;
}
