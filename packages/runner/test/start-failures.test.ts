import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, startEmbeddedPostgres } from '@enkat/db';
import { StartError, startPlatform } from '@enkat/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));
const SECRET = Buffer.alloc(32, 7).toString('base64');

function listen(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, () => resolve(server));
  });
}

describe('starting the platform fails clearly', () => {
  let busyPort: number;
  let busy: Server;
  beforeAll(async () => {
    busyPort = await findFreePort();
    busy = await listen(busyPort);
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('when the web port is taken', async () => {
    const start = startPlatform({
      rootDir,
      database: { url: 'postgresql://unused@127.0.0.1:1/unused' },
      webPort: busyPort,
      apiPort: await findFreePort(),
      seed: false,
      secret: SECRET,
    });
    await expect(start).rejects.toThrow(StartError);
    await expect(start).rejects.toThrow(`Port ${busyPort} (web) is already in use`);
  });

  it('when DATABASE_URL points at no database', async () => {
    const start = startPlatform({
      rootDir,
      database: { url: 'postgresql://nobody:secret@127.0.0.1:1/none' },
      webPort: await findFreePort(),
      apiPort: await findFreePort(),
      seed: false,
      secret: SECRET,
    });
    await expect(start).rejects.toThrow(
      /^Cannot use DATABASE_URL \(postgresql:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\)/,
    );
  });

  it('when another start already runs on the same embedded data folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enkat-second-start-'));
    chmodSync(folder, 0o755);
    const first = await startEmbeddedPostgres({ dataDir: join(folder, 'data') });
    try {
      const second = startPlatform({
        rootDir,
        database: { embeddedDataDir: join(folder, 'data'), name: 'enkat' },
        webPort: await findFreePort(),
        apiPort: await findFreePort(),
        seed: false,
        secret: SECRET,
      });
      await expect(second).rejects.toThrow(/already in use by another process .*is the platform already running\?/);
    } finally {
      await first.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('and `npm start` prints it as one line and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: rootDir,
      env: { ...process.env, PORT: String(busyPort), DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `enkat: Port ${busyPort} (web) is already in use: stop what uses it, or choose another port (see .env.example).`,
    );
  });

  it('and `npm start` names a malformed variable', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: rootDir,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^enkat: invalid configuration: PORT: /);
  });
});
