// H5 only: the emulator identity (an openid) this browser acts as, kept in localStorage and sent as X-WX-OPENID.
const KEY = 'jgdj.dev-openid';

/** The chosen openid, or null for an anonymous visitor (the public). */
export function getDevOpenid(): string | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value && value.trim() ? value.trim() : null;
  } catch {
    // Storage can be blocked (private mode); the visitor is then anonymous.
    return null;
  }
}

export function setDevOpenid(openid: string | null): void {
  if (openid && openid.trim()) window.localStorage.setItem(KEY, openid.trim());
  else window.localStorage.removeItem(KEY);
}
