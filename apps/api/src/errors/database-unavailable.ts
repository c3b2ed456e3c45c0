/** PostgreSQL's SQLSTATEs for "not now": connection failures, shutdown, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
/** Prisma's codes for an unreachable database and an exhausted connection pool. */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Unable to start a transaction',
  'DatabaseNotReachable',
  // Also covers Prisma's "Client has encountered a connection error".
  'connection error',
  "Can't reach database server",
  'Connection refused',
];

/**
 * Whether an error means the database cannot be reached right now, or no connection is free:
 * the request should be tried again in a moment (503 with Retry-After), not reported as a
 * failure of the platform (500). Looks through the error's causes and Prisma's metadata,
 * where the driver's own error ends up.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: unknown;
    kind?: unknown;
    driverAdapterError?: unknown;
  };
  if (typeof e.code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code) || UNAVAILABLE_PRISMA.has(e.code)) {
      return true;
    }
  }
  if (typeof e.kind === 'string' && ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout'].includes(e.kind)) {
    return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((text) => (e.message as string).includes(text))) {
    return true;
  }
  return [e.cause, e.meta, e.driverAdapterError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;
