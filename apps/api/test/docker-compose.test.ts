import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ZWebEnv } from '../../web/src/env.js';
import { ZApiEnv } from '../src/env.js';

type TService = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  secrets?: string[];
};

const compose = parse(readFileSync(fileURLToPath(new URL('../../../docker-compose.yml', import.meta.url)), 'utf8')) as {
  services: Record<string, TService>;
  volumes: Record<string, unknown>;
  secrets: Record<string, { file: string }>;
};
const { postgres, api, web } = compose.services as Record<'postgres' | 'api' | 'web', TService>;

/** The compose file's value with ${VAR} and ${VAR:-default} filled in as compose would. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?::[-?]([^}]*))?\}/g,
    (_, name: string, fallback?: string) => vars[name] ?? fallback ?? '',
  );
}

function environmentOf(service: TService | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service?.environment ?? {}).map(([key, value]) => [
      key,
      interpolate(value, { POSTGRES_PASSWORD: 'x', PROXY_SECRET: 'p'.repeat(32) }),
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL (current major) with a volume and a health check', () => {
    expect(Number(postgres?.image?.split(':')[1])).toBeGreaterThanOrEqual(17);
    expect(postgres?.volumes?.[0]?.split(':')[0]).toBeOneOf(Object.keys(compose.volumes));
    expect(postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('gives the API an environment its configuration schema accepts', () => {
    const environment = environmentOf(api);
    expect(Object.keys(environment).every((key) => key in ZApiEnv.shape)).toBe(true);
    // The secret comes from a file Docker mounts, never from the database's volume.
    const secretName = environment.ENKAT_SECRET_FILE?.replace('/run/secrets/', '') ?? '';
    expect(api?.secrets).toContain(secretName);
    expect(compose.secrets[secretName]?.file).toBeTruthy();
    const parsed = ZApiEnv.parse({ ...environment, ENKAT_SECRET: Buffer.alloc(32, 1).toString('base64') });
    expect(new URL(parsed.DATABASE_URL).hostname).toBe('postgres');
    expect(new URL(parsed.DATABASE_URL).port).toBe('5432');
    expect(api?.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('applies migrations before the API listens', () => {
    const command = api?.command?.join(' ') ?? '';
    expect(command.indexOf('cli/migrate.js')).toBeGreaterThan(-1);
    expect(command.indexOf('cli/migrate.js')).toBeLessThan(command.indexOf('server.js'));
  });

  it('points the web app at the API port, and publishes only the web port', () => {
    const apiPort = ZApiEnv.parse({
      ...environmentOf(api),
      ENKAT_SECRET: Buffer.alloc(32, 1).toString('base64'),
    }).API_PORT;
    const webEnv = ZWebEnv.parse(environmentOf(web));
    expect(Object.keys(web?.environment ?? {}).every((key) => key in ZWebEnv.shape)).toBe(true);
    expect(new URL(webEnv.API_URL).hostname).toBe('api');
    expect(Number(new URL(webEnv.API_URL).port)).toBe(apiPort);
    expect(web?.command).toContain('3000');
    expect(web?.ports).toEqual(['3000:3000']);
    expect(api?.ports).toBeUndefined();
    expect(postgres?.ports).toBeUndefined();
  });
});
