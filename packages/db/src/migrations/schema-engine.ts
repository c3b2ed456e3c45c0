// Prisma's own schema (migration) engine, run in-process as WebAssembly over @prisma/adapter-pg.
// The Prisma CLI would download a native engine binary; this needs nothing but npm packages, so
// migrations work offline. Both record into the standard _prisma_migrations table, so this runner
// and `prisma migrate deploy` are interchangeable.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { dropDatabase, withDatabaseName } from '../admin-queries.js';
import { fitForSchemaEngine } from './adapter-fixes.js';

export type TSchemaEngine = glue.SchemaEngine;
export type TEngineContext = {
  schema: glue.SchemasContainer;
  filters: glue.SchemaFilter;
};

// Node's WebAssembly global; @types/node does not declare it without the DOM lib.
const wasm = (globalThis as unknown as { WebAssembly: TWasmApi }).WebAssembly;
type TWasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, object>) => { exports: Record<string, unknown> };
};

let loaded = false;

/** The package's own entry imports the .wasm as a module (bundlers only): instantiate it here. */
function loadWasm() {
  if (loaded) return;
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: object };
  // The glue reports Rust panics through this global; it must exist.
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(this: { message: string }, message: string) {
      this.message = `RuntimeError: ${message}`;
    },
    get(this: { message: string }) {
      return this.message;
    },
  };
  const require = createRequire(import.meta.url);
  const wasmPath = join(
    dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const instance = new wasm.Instance(new wasm.Module(readFileSync(wasmPath)), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

/**
 * A migration-aware adapter factory. The shadow database (needed to replay migrations for a
 * diff) is a temporary database on the same server, dropped when the engine is done.
 * (PrismaPg's own connectToShadowDb keeps the main database when built from a URL.)
 */
function adapterFactory(databaseUrl: string, track: (adapter: SqlDriverAdapter) => SqlDriverAdapter) {
  const main = new PrismaPg({ connectionString: databaseUrl });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(fitForSchemaEngine(await main.connect())),
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      const adapter = fitForSchemaEngine(
        await new PrismaPg({ connectionString: withDatabaseName(databaseUrl, name) }).connect(),
      );
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await dropDatabase(databaseUrl, name);
      };
      return track(adapter);
    },
  };
}

/** Runs fn with a schema engine bound to the database, and frees everything afterwards. */
export async function withSchemaEngine<T>(
  options: { databaseUrl: string; schemaPath: string },
  fn: (engine: TSchemaEngine, context: TEngineContext) => Promise<T>,
): Promise<T> {
  loadWasm();
  const adapters: SqlDriverAdapter[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(
    adapterFactory(options.databaseUrl, (adapter) => {
      adapters.push(adapter);
      return adapter;
    }) as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0],
  );
  const schemaPath = resolve(options.schemaPath);
  const content = readFileSync(schemaPath, 'utf8');
  const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, factory);
  try {
    return await fn(engine, {
      schema: { files: [{ path: schemaPath, content }] },
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
  }
}
