import { type NextRequest, NextResponse } from 'next/server';
import { webEnv } from './env';
import { forwardedHeaders, needsClientAddress } from './lib/forwarding';
import { contentSecurityPolicy, securityHeaders } from './lib/security-headers';
import { respondentContentSecurityPolicy } from './respondent/respondent-csp';

/**
 * - /api/* is forwarded to the API (read at run time), so the browser sees one origin and
 *   cookies and forms need no CORS; the API is told the browser's address (lib/forwarding.ts)
 *   (a body larger than any the API takes never gets here: server.mjs refuses it);
 * - every page gets a fresh script nonce and the security headers.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/')) return forwardToApi(request, pathname + search);
  const https = webEnv().PUBLIC_ORIGIN.startsWith('https:');
  if (pathname.startsWith('/s/')) {
    // Respondent pages: plain HTML with one optional, hash-pinned script (src/respondent).
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', respondentContentSecurityPolicy());
    for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  return response;
}

function forwardToApi(request: NextRequest, path: string) {
  const env = webEnv();
  const headers = forwardedHeaders(request.headers, {
    hops: env.TRUSTED_PROXY_HOPS,
    proxySecret: env.PROXY_SECRET,
    withClientAddress: needsClientAddress(path),
  });
  return NextResponse.rewrite(new URL(path, env.API_URL), { request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
