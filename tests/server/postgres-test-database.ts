/**
 * The PostgreSQL server tests run against: SEDP_TEST_DATABASE_URL (`.ci/run` sets it). Each
 * test gets new schemas (sedp_test_<random>), dropped at the end, so runs and parallel files
 * never see each other's rows. In CI the variable is required: a suite that skipped itself
 * there would pass while testing nothing.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const testDatabaseUrl = process.env.SEDP_TEST_DATABASE_URL || undefined;

const inCi = !['', '0', 'false'].includes(process.env.CI ?? '');
if (inCi && testDatabaseUrl === undefined) {
  throw new Error(
    'CI is set but SEDP_TEST_DATABASE_URL is not: the PostgreSQL tests must run in CI ' +
      '(set it to postgres://…, as .ci/run does)',
  );
}

export const POSTGRES_NOT_RUN =
  'PostgreSQL tests were NOT run: set SEDP_TEST_DATABASE_URL=postgres://… to run them';

/** Creates schemas on the test database, and drops them all at the end. */
export function testSchemas(url: string) {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const created: string[] = [];
  return {
    /** An administrator's connection, for what the store itself would never do. */
    admin,
    async create(): Promise<string> {
      const schema = `sedp_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      created.push(schema);
      return schema;
    },
    async dropAll(): Promise<void> {
      for (const schema of created.splice(0)) {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    },
    async end(): Promise<void> {
      await this.dropAll();
      await admin.end();
    },
  };
}
