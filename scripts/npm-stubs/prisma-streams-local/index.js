// `prisma dev` (Prisma's own local database) is the only caller; Enkät starts a real
// PostgreSQL instead (scripts/start.mjs), so this is never reached in normal use.
export async function startLocalDurableStreamsServer() {
  throw new Error('`prisma dev` is not supported here: Enkät runs its own PostgreSQL (npm start).');
}
