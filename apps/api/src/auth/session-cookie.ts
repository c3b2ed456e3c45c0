import type { CookieSerializeOptions } from '@fastify/cookie';

/**
 * The session cookie: HttpOnly, SameSite=Lax, and over HTTPS Secure with the __Host- prefix
 * (bound to the exact origin, no Domain, Path=/). Plain http is only for local development.
 */
export function sessionCookie(https: boolean): { name: string; options: CookieSerializeOptions } {
  return {
    name: https ? '__Host-enkat_session' : 'enkat_session',
    options: { httpOnly: true, sameSite: 'lax', secure: https, path: '/' },
  };
}
