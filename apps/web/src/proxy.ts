import { type NextRequest, NextResponse } from 'next/server';
import { webEnv } from './env';

/**
 * The browser sees one origin: /api/* is forwarded to the API, so cookies and forms need no
 * CORS. The API's address is read at run time.
 */
export function proxy(request: NextRequest) {
  const target = new URL(request.nextUrl.pathname + request.nextUrl.search, webEnv().API_URL);
  return NextResponse.rewrite(target);
}

export const config = { matcher: ['/api/:path*'] };
