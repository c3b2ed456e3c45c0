import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The keys derived from the deployment's secret. The secret is configuration (a file or an
 * environment variable), never stored in the database: whoever holds only the database files
 * cannot compute a code's pseudonym, open a sealed submission or match a receipt.
 */
export type TDeploymentKeys = {
  /** HMAC key: a used code's pseudonym in `code_use`. */
  codeUse: Buffer;
  /** AES-256-GCM key: submissions waiting to be mixed. */
  seal: Buffer;
  /** HMAC key: submission receipts (idempotency key and content). */
  receipt: Buffer;
  /** HMAC key: the check value that tells a wrong secret from the right one. */
  check: Buffer;
  /** AES-256-GCM key: a blind mailing's address list, until its wave closes. */
  mailingList: Buffer;
};

/** At least 256 bits: the secret is the only thing between a file holder and the pseudonyms. */
export const MIN_SECRET_BYTES = 32;

const derive = (secret: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'enkat deployment keys', `enkat ${purpose} v1`, 32));

export function deriveDeploymentKeys(secret: Buffer): TDeploymentKeys {
  if (secret.length < MIN_SECRET_BYTES) throw new Error(`the secret must hold at least ${MIN_SECRET_BYTES} bytes`);
  return {
    codeUse: derive(secret, 'code use pseudonym'),
    seal: derive(secret, 'pending submission seal'),
    receipt: derive(secret, 'submission receipt'),
    check: derive(secret, 'key check'),
    mailingList: derive(secret, 'blind mailing list seal'),
  };
}

/** The value stored in the database to recognise the secret; says nothing about the keys. */
export function keyCheckValue(keys: TDeploymentKeys): Buffer {
  return createHmac('sha256', keys.check).update('enkat deployment key check').digest();
}
