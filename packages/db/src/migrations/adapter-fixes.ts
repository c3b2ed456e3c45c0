// Two gaps between @prisma/adapter-pg and what the schema engine expects of a connection, mended
// on every connection the engine opens. Both are covered by the migration tests.
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQueryable } from '@prisma/driver-adapter-utils';
import type pg from 'pg';

const PG_INTERNAL_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type TPgQueryable = SqlQueryable & {
  performIO(query: unknown): Promise<pg.QueryResult>;
  onError(error: unknown): never;
};

/**
 * 1. adapter-pg runs a script by splitting it on ';', which breaks function bodies and loses the
 *    one-script-one-transaction behaviour of the native engine: send each script whole.
 * 2. adapter-pg cannot map PostgreSQL's internal "char" type (pg_constraint.contype and friends,
 *    which the engine's schema describer reads), so describing a non-empty database fails with
 *    "Column type 'char' could not be deserialized": read it as text, report it as a character.
 */
export function fitForSchemaEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const pool = (adapter as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  const queryable = adapter as unknown as TPgQueryable;
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      queryable.onError(error);
    }
  };
  readCharAsCharacter(queryable);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const transaction = await startTransaction(...args);
    readCharAsCharacter(transaction as unknown as TPgQueryable);
    return transaction;
  };
  return adapter;
}

function readCharAsCharacter(queryable: TPgQueryable): void {
  const queryRaw = queryable.queryRaw;
  queryable.queryRaw = async (query) => {
    let charColumns: number[] = [];
    // A per-call view whose performIO hides the "char" OID from the adapter's type mapping.
    const view = Object.create(queryable, {
      performIO: {
        value: async (ioQuery: unknown) => {
          const result = await queryable.performIO(ioQuery);
          charColumns = [];
          result.fields.forEach((field, index) => {
            if (field.dataTypeID !== PG_INTERNAL_CHAR_OID) return;
            field.dataTypeID = PG_TEXT_OID;
            charColumns.push(index);
          });
          return result;
        },
      },
    });
    const resultSet = await queryRaw.call(view, query);
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
}
