import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rootDir = fileURLToPath(new URL('../../..', import.meta.url));

describe('a process that used the embedded PostgreSQL', () => {
  it('keeps its own exit code: a failed test run still fails', () => {
    const script = `
      import { startEmbeddedPostgres } from '@enkat/db';
      import { mkdtempSync, rmSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const folder = mkdtempSync(join(tmpdir(), 'enkat-exit-code-'));
      const server = await startEmbeddedPostgres({ dataDir: join(folder, 'data') });
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
      process.exitCode = 3;`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: rootDir,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
