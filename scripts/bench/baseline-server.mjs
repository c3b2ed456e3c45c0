// The baseline of `npm run bench`: the least a server can do to take one submission durably,
// with Fastify and raw `pg` on the same database as the API. One transaction per submission,
// synchronous_commit on:
//   BEGIN; INSERT receipt (keyed hash of the idempotency key);
//          INSERT code use (keyed pseudonym of the code, codes mode only);
//          INSERT pending (the answers sealed with AES-256-GCM, padded to the API's size for
//          the 2012 question set); COMMIT
// into the bench's own tables (bench_receipt, bench_code_use, bench_pending; index.mjs makes
// them). No validation of the answers and no lookup of the code: only the durable writes.
//
// Environment: DATABASE_URL, PORT, ENKAT_SECRET (base64), POOL_SIZE (10, as the API's).
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { TEMPLATE_2012 } from '@enkat/survey-schema';
import Fastify from 'fastify';
import pg from 'pg';
import { plaintextBound } from '../../apps/api/dist/answering/pending-plaintext.js';

/** The same sealed size as the API's: every pending answer of a wave padded to one size. */
const PADDED_BYTES = plaintextBound(TEMPLATE_2012);

const secret = Buffer.from(process.env.ENKAT_SECRET ?? '', 'base64');
if (secret.length !== 32) {
  process.stderr.write('baseline: ENKAT_SECRET must be base64 of 32 bytes\n');
  process.exit(1);
}
const derive = (/** @type {string} */ label) => createHmac('sha256', secret).update(label).digest();
const pseudonymKey = derive('bench:pseudonym');
const sealKey = derive('bench:seal');
const keyed = (/** @type {Buffer} */ key, /** @type {string} */ value) =>
  createHmac('sha256', key).update(value).digest();

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });

app.get('/health', async () => ({ status: 'ok' }));

app.post('/respond/:waveId/responses', async (request, reply) => {
  const { waveId } = /** @type {{ waveId: string }} */ (request.params);
  const body = /** @type {{ idempotencyKey: string, code?: string, answers: unknown }} */ (request.body);
  const plain = Buffer.alloc(PADDED_BYTES, 0x20);
  Buffer.from(JSON.stringify(body.answers)).copy(plain);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  const contentHash = createHash('sha256').update(plain).digest();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO bench_receipt (key_hash, wave_id, content_hash) VALUES ($1, $2, $3)', [
      keyed(pseudonymKey, `receipt:${body.idempotencyKey}`),
      waveId,
      contentHash,
    ]);
    if (body.code) {
      await client.query('INSERT INTO bench_code_use (pseudonym, wave_id) VALUES ($1, $2)', [
        keyed(pseudonymKey, `code:${body.code}`),
        waveId,
      ]);
    }
    await client.query('INSERT INTO bench_pending (wave_id, sealed) VALUES ($1, $2)', [waveId, sealed]);
    await client.query('COMMIT');
    return reply.status(201).send({ status: 'accepted' });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (/** @type {{ code?: string }} */ (error).code === '23505') return reply.status(409).send({ code: 'code_used' });
    throw error;
  } finally {
    client.release();
  }
});

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
