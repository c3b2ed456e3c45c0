import { createHash } from 'node:crypto';
import { FRAGMENT_CODE_SCRIPT } from './fragment-code';

/** Its hash, so the Content-Security-Policy allows exactly this script and no other. */
export const FRAGMENT_CODE_SCRIPT_HASH = `sha256-${createHash('sha256').update(FRAGMENT_CODE_SCRIPT).digest('base64')}`;

/** The policy of every respondent page: nothing but this origin's stylesheet and that script. */
export function respondentContentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `script-src '${FRAGMENT_CODE_SCRIPT_HASH}'`,
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
