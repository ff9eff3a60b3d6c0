// H5 (the local cloud): the big screen's join code is a QR code of the player page's address, drawn in the browser.
import QRCode from 'qrcode';
import { LIVE_PLAY_PAGE } from '@/utils/live';

/** Hash routing: the page's own address with the app path after `#`. */
export function liveAppLink(path: string): string | null {
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

export function liveJoinLink(sessionId: string): string | null {
  return liveAppLink(`/${LIVE_PLAY_PAGE}?id=${encodeURIComponent(sessionId)}`);
}

export async function liveJoinCode(sessionId: string): Promise<string | null> {
  const link = liveJoinLink(sessionId);
  // High error correction: a projector's glare or a low-resolution phone camera still reads it.
  return link ? QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 1, width: 600 }) : null;
}
