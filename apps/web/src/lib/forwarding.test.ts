import { describe, expect, it } from 'vitest';
import {
  browserAddress,
  CLIENT_ADDRESS_HEADER,
  forwardedHeaders,
  needsClientAddress,
  PEER_ADDRESS_HEADER,
  PROXY_SECRET_HEADER,
} from './forwarding';

describe('the browser address the web app forwards', () => {
  it('is the connection’s own without proxies in front, whatever X-Forwarded-For says', () => {
    expect(browserAddress({ peer: '198.51.100.7', forwardedFor: '10.9.9.9', hops: 0 })).toBe('198.51.100.7');
  });

  it('is the entry the outermost proxy of our own added, not what a browser wrote at the left', () => {
    const forwardedFor = '1.2.3.4, 198.51.100.7';
    expect(browserAddress({ peer: '127.0.0.1', forwardedFor, hops: 1 })).toBe('198.51.100.7');
    expect(browserAddress({ peer: '127.0.0.1', forwardedFor: '1.2.3.4, 198.51.100.7, 10.0.0.2', hops: 2 })).toBe(
      '198.51.100.7',
    );
  });

  it('replaces the browser’s own copies of the forwarding headers and adds the secret', () => {
    const incoming = new Headers({
      [CLIENT_ADDRESS_HEADER]: '6.6.6.6',
      [PROXY_SECRET_HEADER]: 'guessed',
      [PEER_ADDRESS_HEADER]: '198.51.100.7',
      'x-forwarded-for': '6.6.6.6',
      cookie: 'a=b',
    });
    const headers = forwardedHeaders(incoming, { hops: 0, proxySecret: 's'.repeat(32), withClientAddress: true });
    expect(headers.get(CLIENT_ADDRESS_HEADER)).toBe('198.51.100.7');
    expect(headers.get(PROXY_SECRET_HEADER)).toBe('s'.repeat(32));
    expect(headers.get(PEER_ADDRESS_HEADER)).toBeNull();
    expect(headers.get('cookie')).toBe('a=b');
    expect(
      forwardedHeaders(incoming, { hops: 0, proxySecret: undefined, withClientAddress: true }).get(PROXY_SECRET_HEADER),
    ).toBeNull();
  });

  it('is sent only on sign-in routes: a respondent’s address never reaches the API', () => {
    const incoming = new Headers({ [PEER_ADDRESS_HEADER]: '198.51.100.7', [CLIENT_ADDRESS_HEADER]: '6.6.6.6' });
    expect(needsClientAddress('/api/v1/auth/login')).toBe(true);
    expect(needsClientAddress('/api/v1/respond/abcd1234/responses')).toBe(false);
    const headers = forwardedHeaders(incoming, { hops: 0, proxySecret: 's'.repeat(32), withClientAddress: false });
    for (const name of [CLIENT_ADDRESS_HEADER, PROXY_SECRET_HEADER, PEER_ADDRESS_HEADER]) {
      expect(headers.get(name)).toBeNull();
    }
  });
});
