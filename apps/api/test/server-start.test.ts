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

  it('stops with one line when the deployment secret is missing or too short', () => {
    const missing = startServer({ DATABASE_URL: 'postgresql://localhost/x' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(
      'api: invalid configuration: ENKAT_SECRET: required: base64 of 32 random bytes (npm start makes one; see .env.example)',
    );
    const short = startServer({ DATABASE_URL: 'postgresql://localhost/x', ENKAT_SECRET: 'c2hvcnQ=' });
    expect(short.status).toBe(1);
    expect(short.stderr).toBe('api: invalid configuration: ENKAT_SECRET: must hold at least 32 bytes');
  });

  it('stops when single sign-on is half configured', () => {
    const { status, stderr } = startServer({
      DATABASE_URL: 'postgresql://localhost/x',
      ENKAT_SECRET: Buffer.alloc(32, 1).toString('base64'),
      OIDC_ISSUER: 'https://login.example/tenant',
    });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'api: invalid configuration: set all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none',
    );
  });
});
