/**
 * What the web app tells the API about each request it forwards. The names are the API's
 * (apps/api/src/auth/client-address.ts); server.mjs sets the peer header itself.
 */
export const CLIENT_ADDRESS_HEADER = 'x-enkat-client-address';
export const PROXY_SECRET_HEADER = 'x-enkat-proxy-secret';
/** The address of the connection, set by server.mjs on every request (whatever a browser sent). */
export const PEER_ADDRESS_HEADER = 'x-enkat-peer-address';

/**
 * The browser's address: the connection's own, or, behind `hops` proxies of our own, the entry
 * of X-Forwarded-For that the outermost of them added (counting from the right, since each
 * proxy appends what it saw and a browser can put anything at the left).
 */
export function browserAddress(options: { peer: string | null; forwardedFor: string | null; hops: number }): string {
  const peer = options.peer || 'unknown';
  if (options.hops === 0) return peer;
  const chain = [
    ...(options.forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[chain.length - 1 - options.hops] ?? chain[0] ?? peer;
}

/** Only sign-in needs the browser's address (for the throttle); respondents' never reach the API. */
export const needsClientAddress = (path: string) => path.startsWith('/api/v1/auth/');

/**
 * The headers for the API: the browser's own copies of ours are always dropped, and on sign-in
 * routes replaced, so a browser cannot choose the address the login throttle counts it under.
 */
export function forwardedHeaders(
  incoming: Headers,
  options: { hops: number; proxySecret: string | undefined; withClientAddress: boolean },
): Headers {
  const headers = new Headers(incoming);
  const address = browserAddress({
    peer: incoming.get(PEER_ADDRESS_HEADER),
    forwardedFor: incoming.get('x-forwarded-for'),
    hops: options.hops,
  });
  for (const name of [CLIENT_ADDRESS_HEADER, PROXY_SECRET_HEADER, PEER_ADDRESS_HEADER]) headers.delete(name);
  if (!options.withClientAddress) return headers;
  headers.set(CLIENT_ADDRESS_HEADER, address);
  if (options.proxySecret) headers.set(PROXY_SECRET_HEADER, options.proxySecret);
  return headers;
}
