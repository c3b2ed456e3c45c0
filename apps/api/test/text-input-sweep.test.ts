import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createAdmin,
  databaseSnapshot,
  login,
  resetDatabase,
  SAME_ORIGIN,
  type TTestApp,
} from './helpers.js';

/**
 * Every text field of every route, found in the OpenAPI document, refuses NUL and a lone
 * surrogate with a 422 that names the field. A new route or field is swept without editing this.
 */

type TSchema = {
  type?: string | string[];
  properties?: Record<string, TSchema>;
  items?: TSchema;
  anyOf?: TSchema[];
  oneOf?: TSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
};
type TParameter = { in: 'path' | 'query'; name: string; schema: TSchema };
type TOperation = { parameters?: TParameter[]; requestBody?: { content?: Record<string, { schema: TSchema }> } };
/** How to reach a field: a property, an array's first item, or one shape of a union. */
type TStep = { prop: string } | { item: true } | { variant: number };

const UUID = '00000000-0000-4000-8000-000000000000';
const BAD_TEXTS = { NUL: 'before\u0000after', 'a lone surrogate': 'before\uD800after' } as const;

const isType = (schema: TSchema, type: string) => [schema.type].flat().includes(type);
const variantsOf = (schema: TSchema) => schema.anyOf ?? schema.oneOf;
/** Free text: a string with no enum, format or pattern that would refuse a NUL on its own. */
const isText = (schema: TSchema) =>
  isType(schema, 'string') && !schema.enum && schema.const === undefined && !schema.format && !schema.pattern;

function* textFields(schema: TSchema, steps: TStep[] = []): Generator<TStep[]> {
  const variants = variantsOf(schema);
  if (variants) {
    for (const [variant, shape] of variants.entries()) yield* textFields(shape, [...steps, { variant }]);
  } else if (isType(schema, 'object')) {
    for (const [prop, property] of Object.entries(schema.properties ?? {})) {
      yield* textFields(property, [...steps, { prop }]);
    }
  } else if (isType(schema, 'array') && schema.items) {
    yield* textFields(schema.items, [...steps, { item: true }]);
  } else if (isText(schema)) yield steps;
}

/** A value for the schema, valid where it can be, with `bad` at the end of `steps` (if given). */
function sample(schema: TSchema, steps: TStep[] | null, bad: string): unknown {
  const [step, ...rest] = steps ?? [];
  const variants = variantsOf(schema);
  if (variants) {
    const chosen = step && 'variant' in step ? step.variant : variants.findIndex((v) => !isType(v, 'null'));
    return sample(variants[chosen] ?? {}, step && 'variant' in step ? rest : null, bad);
  }
  if (steps && steps.length === 0) return bad;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (isType(schema, 'object')) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([prop, property]) => [
        prop,
        sample(property, step && 'prop' in step && step.prop === prop ? rest : null, bad),
      ]),
    );
  }
  if (isType(schema, 'array')) {
    const first = sample(schema.items ?? {}, step && 'item' in step ? rest : null, bad);
    const others = Array.from({ length: Math.max(0, (schema.minItems ?? 1) - 1) }, () =>
      sample(schema.items ?? {}, null, bad),
    );
    return [first, ...others];
  }
  if (isType(schema, 'integer') || isType(schema, 'number')) {
    return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1);
  }
  if (isType(schema, 'boolean')) return true;
  if (isType(schema, 'null')) return null;
  if (schema.format === 'uuid') return UUID;
  if (schema.format === 'date') return '2026-01-01';
  if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.pattern) return 'abcd1';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** The path the API names a field by: "body.sections.0.questions.0.text". */
const fieldPath = (context: string, steps: TStep[]) =>
  [context, ...steps.flatMap((step) => ('prop' in step ? [step.prop] : 'item' in step ? ['0'] : []))].join('.');

let t: TTestApp;
let cookie: string;
let operations: { method: string; path: string; operation: TOperation }[];
beforeAll(async () => {
  t = await buildTestApp();
  await resetDatabase(t.db);
  cookie = await login(t.app, (await createAdmin(t.db, 'owner')).email);
  const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, TOperation>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
});
afterAll(() => t.app.close());

describe('every text field of every route', () => {
  it('refuses NUL and a lone surrogate with 422 naming the field, and writes nothing', async () => {
    const before = await databaseSnapshot(t.db);
    let swept = 0;
    for (const { method, path, operation } of operations) {
      const parameters = operation.parameters ?? [];
      const url = (query = '') =>
        path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
          return encodeURIComponent(String(sample(parameter?.schema ?? {}, null, '')));
        }) + query;
      const send = (payload: string | undefined, query?: string) =>
        t.app.inject({
          method: method as 'POST',
          url: url(query),
          headers: { ...SAME_ORIGIN, cookie, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(payload === undefined ? {} : { payload }),
        });
      const expectRefused = async (response: Awaited<ReturnType<typeof send>>, field: string, label: string) => {
        expect(response.statusCode, `${label} in ${field} of ${method} ${path}`).toBe(422);
        const errors = (response.json() as { errors?: { path: string; message: string }[] }).errors ?? [];
        expect(
          errors.find((error) => error.path === field),
          `${label} in ${field} of ${method} ${path}: ${JSON.stringify(errors)}`,
        ).toMatchObject({ message: expect.stringMatching(/control character|broken character/) });
        swept++;
      };

      for (const parameter of parameters) {
        if (!isText(parameter.schema)) continue;
        const field = `${parameter.in === 'path' ? 'params' : 'querystring'}.${parameter.name}`;
        if (parameter.in === 'query') {
          await expectRefused(await send(undefined, `?${parameter.name}=before%00after`), field, 'NUL');
        }
      }
      const body = operation.requestBody?.content?.['application/json']?.schema;
      if (!body) continue;
      for (const steps of textFields(body)) {
        for (const [label, bad] of Object.entries(BAD_TEXTS)) {
          const payload = JSON.stringify(sample(body, steps, bad));
          await expectRefused(await send(payload), fieldPath('body', steps), label);
        }
      }
    }
    // The login form, every name and title, the question set's texts, codes, redaction names …
    expect(swept).toBeGreaterThan(40);
    const { admin_session: _sessions, ...after } = await databaseSnapshot(t.db);
    const { admin_session: _before, ...unchanged } = before;
    expect(after).toEqual(unchanged);
  });
});
