import { type NextRequest, NextResponse } from 'next/server';
import { webEnv } from './env';
import { contentSecurityPolicy, securityHeaders } from './lib/security-headers';
import { respondentContentSecurityPolicy } from './respondent/respondent-csp';

/**
 * - /api/* is forwarded to the API (read at run time), so the browser sees one origin and
 *   cookies and forms need no CORS;
 * - every page gets a fresh script nonce and the security headers.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/')) {
    return NextResponse.rewrite(new URL(pathname + search, webEnv().API_URL));
  }
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

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
