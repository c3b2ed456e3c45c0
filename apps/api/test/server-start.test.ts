import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));

function startServer(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [server], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('API start-up', () => {
  it('stops with one line naming a missing variable', () => {
    const { status, stderr } = startServer({});
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^api: invalid configuration: DATABASE_URL: /);
  });

  it('stops with one line naming a malformed variable', () => {
    const { status, stderr } = startServer({ DATABASE_URL: 'mysql://localhost/x', API_PORT: 'eighty' });
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain('API_PORT');
  });

  it('stops when single sign-on is half configured', () => {
    const { status, stderr } = startServer({
      DATABASE_URL: 'postgresql://localhost/x',
      OIDC_ISSUER: 'https://login.example/tenant',
    });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'api: invalid configuration: set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none',
    );
  });
});
