import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a submission for its wait in `pending_submission`: AES-256-GCM with a random IV and
 * the wave's id as associated data (a sealed item cannot be moved to another wave). The
 * plaintext is padded to `paddedBytes`, one size for every submission of a wave, so the
 * ciphertext's length cannot be matched to the length of the answers it holds.
 */
export function seal(key: Buffer, waveId: string, plaintext: string, paddedBytes: number): Buffer {
  const bytes = Buffer.from(plaintext, 'utf8');
  if (bytes.length > paddedBytes) throw new Error(`plaintext of ${bytes.length} bytes exceeds ${paddedBytes}`);
  // JSON ignores trailing white space: the padding needs no length field.
  const padded = Buffer.alloc(paddedBytes, 0x20);
  bytes.copy(padded);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(waveId));
  const body = Buffer.concat([cipher.update(padded), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed submission; throws if it was altered or sealed for another wave or key. */
export function unseal(key: Buffer, waveId: string, sealed: Uint8Array): string {
  const buffer = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(waveId));
  decipher.setAuthTag(buffer.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(buffer.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
