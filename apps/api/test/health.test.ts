import { ZHealthResponse, ZProblem } from '@enkat/survey-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TTestApp } from './helpers.js';

describe('GET /api/health', () => {
  let test: TTestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.app.close());

  it('answers 200 with the database up', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(ZHealthResponse.parse(response.json())).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database cannot be reached', async () => {
    const down = await buildTestApp({ DATABASE_URL: 'postgresql://nobody:nothing@127.0.0.1:1/none' });
    try {
      const response = await down.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'degraded', database: 'down' });
    } finally {
      await down.app.close();
    }
  });

  it('sends security headers', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});

describe('errors', () => {
  let test: TTestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.app.close());

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(ZProblem.parse(response.json()).code).toBe('not_found');
  });

  it('logs requests by route pattern, without query string or client address', async () => {
    await test.app.inject({ method: 'GET', url: '/api/health?code=ABCDEFGHJK', remoteAddress: '203.0.113.7' });
    const logged = test.logLines().join('\n');
    expect(logged).toContain('"route":"/api/health"');
    expect(logged).not.toContain('ABCDEFGHJK');
    expect(logged).not.toContain('203.0.113.7');
  });
});

describe('OpenAPI', () => {
  it('documents every route at /api/docs/json', async () => {
    const test = await buildTestApp();
    try {
      const response = await test.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(response.statusCode).toBe(200);
      const document = response.json() as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths)).toContain('/api/health');
    } finally {
      await test.app.close();
    }
  });
});
