import { createHash } from 'node:crypto';

/** PostgreSQL advisory lock keys are 64-bit integers: one per wave and purpose. */
function lockKey(purpose: string, waveId: string): bigint {
  return createHash('sha256').update(`${purpose}:${waveId}`).digest().readBigInt64BE(0);
}

/**
 * Held shared by every submission while it is stored, exclusively by closing: a close waits
 * for submissions under way, and every later one sees the wave closed.
 */
export const submissionLock = (waveId: string) => lockKey('enkat-submission', waveId);

/** Held by whoever mixes a wave's pending submissions, so no two processes mix one wave at once. */
export const mixingLock = (waveId: string) => lockKey('enkat-mixing', waveId);
