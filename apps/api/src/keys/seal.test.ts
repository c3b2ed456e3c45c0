import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveDeploymentKeys, keyCheckValue } from './deployment-keys.js';
import { codeUsePseudonym, receiptKeyDigest } from './pseudonyms.js';
import { seal, unseal } from './seal.js';

const keys = deriveDeploymentKeys(randomBytes(32));
const WAVE = '0b7e2f0e-6a59-4c3e-9d55-1f1b1b8f1a01';

describe('sealed pending submissions', () => {
  it('open to the same text with the same key and wave', () => {
    const sealed = seal(keys.seal, WAVE, '{"q1":"ja"}', 100);
    expect(JSON.parse(unseal(keys.seal, WAVE, sealed))).toEqual({ q1: 'ja' });
  });

  it('all have one length per wave, whatever the answers, and never repeat', () => {
    const short = seal(keys.seal, WAVE, '{}', 4000);
    const long = seal(keys.seal, WAVE, JSON.stringify({ q7: 'x'.repeat(3000) }), 4000);
    const again = seal(keys.seal, WAVE, '{}', 4000);
    expect(short.length).toBe(long.length);
    expect(short.equals(again)).toBe(false);
  });

  it('refuse to open under another key, for another wave, or when altered', () => {
    const sealed = seal(keys.seal, WAVE, '{"q1":"ja"}', 100);
    expect(() => unseal(deriveDeploymentKeys(randomBytes(32)).seal, WAVE, sealed)).toThrow();
    expect(() => unseal(keys.seal, '0b7e2f0e-6a59-4c3e-9d55-1f1b1b8f1a02', sealed)).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered.at(-1) ?? 0) ^ 1;
    expect(() => unseal(keys.seal, WAVE, altered)).toThrow();
  });

  it('refuse a text longer than the wave’s padded size', () => {
    expect(() => seal(keys.seal, WAVE, 'x'.repeat(101), 100)).toThrow();
  });
});

describe('the keys derived from the secret', () => {
  it('differ by purpose and by secret, and the check value tells secrets apart', () => {
    const other = deriveDeploymentKeys(randomBytes(32));
    expect(
      new Set([keys.codeUse, keys.seal, keys.receipt, keys.check, keys.mailingList].map((k) => k.toString('hex'))).size,
    ).toBe(5);
    expect(codeUsePseudonym(keys, 'abc').equals(codeUsePseudonym(other, 'abc'))).toBe(false);
    expect(codeUsePseudonym(keys, 'abc').equals(codeUsePseudonym(keys, 'abc'))).toBe(true);
    expect(receiptKeyDigest(keys, WAVE, 'k').equals(receiptKeyDigest(keys, WAVE.replace('01', '02'), 'k'))).toBe(false);
    expect(keyCheckValue(keys).equals(keyCheckValue(other))).toBe(false);
  });

  it('need a secret of at least 32 bytes', () => {
    expect(() => deriveDeploymentKeys(randomBytes(16))).toThrow(/32 bytes/);
  });
});
