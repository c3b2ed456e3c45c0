import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './csrf.js';

const origin = 'https://enkat.example.org';

describe('isSameOriginRequest', () => {
  it('accepts same-origin fetch metadata', () => {
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-origin' }, origin)).toBe(true);
  });
  it('refuses cross-site and same-site fetch metadata, whatever Origin says', () => {
    expect(isSameOriginRequest({ 'sec-fetch-site': 'cross-site', origin }, origin)).toBe(false);
    expect(isSameOriginRequest({ 'sec-fetch-site': 'same-site', origin }, origin)).toBe(false);
  });
  it('falls back to the Origin header', () => {
    expect(isSameOriginRequest({ origin }, origin)).toBe(true);
    expect(isSameOriginRequest({ origin: 'https://evil.example' }, origin)).toBe(false);
    expect(isSameOriginRequest({ origin: 'null' }, origin)).toBe(false);
  });
  it('refuses a request with neither header', () => {
    expect(isSameOriginRequest({}, origin)).toBe(false);
  });
});
