// The receipt's QR code (issue 14 item 4): the centre's public status page for this receipt, from
// the agent's own configuration (`center.publicUrl`), never from the kiosk page and never a loopback
// address a villager's phone could not open.

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d{1,3}){3}\])$/i;

/** The public base URL (no trailing slash), or undefined when absent, not http(s) or a loopback address. */
export function publicBaseUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || LOOPBACK.test(url.hostname)) return undefined;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** `${base}/s/?r=<receiptNo>`: what the receipt's QR carries. */
export const statusUrl = (base: string, receiptNo: string): string => `${base}/s/?r=${encodeURIComponent(receiptNo)}`;
