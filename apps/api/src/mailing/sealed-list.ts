import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { seal, unseal } from '../keys/seal.js';

/** Padded to whole blocks of this size: the sealed list says no more than its count does. */
const BLOCK = 4096;

/** A blind mailing's addresses, sealed under the list key with the wave as associated data. */
export function sealAddressList(keys: TDeploymentKeys, waveId: string, addresses: string[]): Buffer {
  const text = JSON.stringify(addresses);
  const bytes = Buffer.byteLength(text);
  return seal(keys.mailingList, waveId, text, Math.ceil((bytes + 1) / BLOCK) * BLOCK);
}

export function unsealAddressList(keys: TDeploymentKeys, waveId: string, sealed: Uint8Array): string[] {
  return JSON.parse(unseal(keys.mailingList, waveId, sealed)) as string[];
}
