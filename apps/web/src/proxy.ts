import { MAX_REQUEST_BODY_BYTES, PROBLEM_CONTENT_TYPE, type TProblem } from '@enkat/survey-schema';
import { type NextRequest, NextResponse } from 'next/server';
import { webEnv } from './env';
import { forwardedHeaders, needsClientAddress } from './lib/forwarding';
import { contentSecurityPolicy, securityHeaders } from './lib/security-headers';
import { respondentContentSecurityPolicy } from './respondent/respondent-csp';

/**
 * - /api/* is forwarded to the API (read at run time), so the browser sees one origin and
 *   cookies and forms need no CORS; the API is told the browser's address (lib/forwarding.ts),
 *   and a body larger than any the API takes is refused here, as the API would;
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
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BODY_BYTES) {
    const problem: TProblem = {
      type: 'urn:enkat:problem:payload_too_large',
      title: 'The request body is too large',
      status: 413,
      code: 'payload_too_large',
      detail: `Request body is too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.`,
    };
    // The connection stays open: the server reads and drops the rest of the body, so a client
    // still sending it gets this answer instead of a broken pipe.
    return NextResponse.json(problem, { status: 413, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
  }
  const headers = forwardedHeaders(request.headers, {
    hops: env.TRUSTED_PROXY_HOPS,
    proxySecret: env.PROXY_SECRET,
    withClientAddress: needsClientAddress(path),
  });
  return NextResponse.rewrite(new URL(path, env.API_URL), { request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
