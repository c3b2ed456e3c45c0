import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The browser's address, as the web app saw it; set by the web app on every request it forwards. */
export const CLIENT_ADDRESS_HEADER = 'x-enkat-client-address';
/** The secret the web app and the API share, so that the API knows the header above is the web app's. */
export const PROXY_SECRET_HEADER = 'x-enkat-proxy-secret';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The address of the client behind a request, for the login throttle (which stores it only
 * hashed). The web app forwards every browser request and overwrites the client-address header
 * with what it saw; the API believes that header only when the request also carries the shared
 * proxy secret, which no browser knows. Anything else (X-Forwarded-For, the header without the
 * secret) is ignored, and the request counts as coming from the connection's own address.
 */
export function clientAddressOf(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string | undefined } },
  proxySecret: string | undefined,
): string {
  const own = request.socket.remoteAddress ?? 'unknown';
  if (!proxySecret) return own;
  const secret = request.headers[PROXY_SECRET_HEADER];
  const address = request.headers[CLIENT_ADDRESS_HEADER];
  if (typeof secret !== 'string' || typeof address !== 'string' || address === '') return own;
  // Compared as hashes so the comparison takes the same time whatever the length.
  return timingSafeEqual(digest(secret), digest(proxySecret)) ? address : own;
}
