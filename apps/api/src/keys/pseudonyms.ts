import { createHmac } from 'node:crypto';
import type { TDeploymentKeys } from './deployment-keys.js';

const hmac = (key: Buffer, ...parts: string[]) => {
  const mac = createHmac('sha256', key);
  // Length-prefixed, so no two lists of parts give the same input.
  for (const part of parts) mac.update(`${Buffer.byteLength(part)}:${part};`);
  return mac.digest();
};

/**
 * What `code_use` stores for a used code: an HMAC of the code's stored hash. Computable only
 * with the deployment's secret, so the database alone cannot tell which code was used.
 */
export const codeUsePseudonym = (keys: TDeploymentKeys, codeHash: string) => hmac(keys.codeUse, 'code', codeHash);

/** A receipt's key: one wave, one idempotency key. */
export const receiptKeyDigest = (keys: TDeploymentKeys, waveId: string, idempotencyKey: string) =>
  hmac(keys.receipt, 'key', waveId, idempotencyKey);

/** What a receipt remembers of the submission: enough to tell a retry from other content. */
export const receiptContentDigest = (keys: TDeploymentKeys, code: string, canonicalAnswers: string) =>
  hmac(keys.receipt, 'content', code, canonicalAnswers);
