import { createHash } from 'node:crypto';

/**
 * The advisory lock held by whoever mixes a wave's pending submissions (a mixer round or a
 * close), so no two processes mix one wave at once. PostgreSQL's advisory lock keys are 64-bit
 * integers: this one is derived from the wave's id.
 */
export function mixingLock(waveId: string): bigint {
  return createHash('sha256').update(`enkat-mixing:${waveId}`).digest().readBigInt64BE(0);
}
