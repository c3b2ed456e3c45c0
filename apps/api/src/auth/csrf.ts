import type { IncomingHttpHeaders } from 'node:http';

/**
 * CSRF defence for every state-changing request: the browser must say it comes from our own
 * origin. We use Fetch Metadata (Sec-Fetch-Site), falling back to the Origin header, rather
 * than a double-submit token because
 * - it is stateless and needs no token threaded through every form and fetch;
 * - it protects the respondent form too without giving respondents any cookie or per-visitor
 *   token that could single them out;
 * - every browser an administrator can use sends one of the two headers on a POST, and
 *   SameSite=Lax on the session cookie is a second, independent layer.
 * A request that carries neither header is refused: it is not a same-origin browser form.
 */
export function isSameOriginRequest(headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = headers.origin;
  if (typeof origin === 'string') return origin === new URL(publicOrigin).origin;
  return false;
}

export const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
