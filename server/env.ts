/** Server configuration: read and validated here only; a bad value stops start-up with a clear message. */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { LoginLimits } from './auth/login-throttle.ts';
import type { FairUseLimits } from './fair-use/fair-use.ts';

/** A whole number from `min` to `max`, named in its messages. */
const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`)
    .default(fallback);

/** A whole number of at least 1. */
const limit = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be 1 or more`)
    .default(fallback);

/** PostgreSQL schema names the store accepts (it sets them as search_path). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A postgres:// URL. Never echoed in messages: it may hold a password. Its own `options`
 * parameter is refused because node-postgres lets it replace, not extend, the options the
 * store sets on every connection (the schema, the idle-in-transaction timeout).
 */
const databaseUrl = z
  .string()
  .refine((text) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
    } catch {
      return false;
    }
  }, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
  .refine(
    (text) => !URL.canParse(text) || !new URL(text).searchParams.has('options'),
    'DATABASE_URL must not set options: use SEDP_DB_SCHEMA for the schema',
  )
  .optional();

const configSchema = z.object({
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(8080),
  HOST: z.string().min(1, 'HOST must not be empty').default('0.0.0.0'),
  SEDP_DATA_DIR: z.string().min(1, 'SEDP_DATA_DIR must not be empty').default('./data'),
  SEDP_STATIC_DIR: z.string().min(1, 'SEDP_STATIC_DIR must not be empty').default('./dist'),
  SEDP_TRUST_PROXY: z
    .enum(['0', '1', 'false', 'true'], { message: 'SEDP_TRUST_PROXY must be 1 or 0' })
    .default('0'),
  SEDP_TOKEN_IDLE_DAYS: wholeNumber('SEDP_TOKEN_IDLE_DAYS', 1, 3650, 90),
  SEDP_LOGIN_FREE_ATTEMPTS: wholeNumber('SEDP_LOGIN_FREE_ATTEMPTS', 1, 1000, 5),
  SEDP_LOGIN_ADDRESS_FREE_ATTEMPTS: wholeNumber('SEDP_LOGIN_ADDRESS_FREE_ATTEMPTS', 1, 100_000, 30),
  SEDP_LOGIN_WINDOW_MINUTES: wholeNumber('SEDP_LOGIN_WINDOW_MINUTES', 1, 7 * 24 * 60, 15),
  SEDP_LOGIN_FIRST_DELAY_SECONDS: wholeNumber('SEDP_LOGIN_FIRST_DELAY_SECONDS', 1, 60 * 60, 1),
  SEDP_LOGIN_MAX_DELAY_SECONDS: wholeNumber('SEDP_LOGIN_MAX_DELAY_SECONDS', 1, 24 * 60 * 60, 300),
  SEDP_PUSHES_PER_MINUTE: limit('SEDP_PUSHES_PER_MINUTE', 120),
  SEDP_UPLOADS_PER_MINUTE: limit('SEDP_UPLOADS_PER_MINUTE', 120),
  SEDP_UPLOAD_MB_PER_DAY: limit('SEDP_UPLOAD_MB_PER_DAY', 500),
  SEDP_UNREFERENCED_UPLOADS_PER_DAY: limit('SEDP_UNREFERENCED_UPLOADS_PER_DAY', 200),
  SEDP_CONFLICT_VERSIONS_KEPT: limit('SEDP_CONFLICT_VERSIONS_KEPT', 20),
  SEDP_UNREFERENCED_BLOB_DAYS: limit('SEDP_UNREFERENCED_BLOB_DAYS', 7),
  // `auto` or 0: one per CPU.
  SEDP_WORKERS: z
    .union([z.literal('auto'), wholeNumber('SEDP_WORKERS', 0, 256, 1)], {
      message: 'SEDP_WORKERS must be a whole number from 0 to 256, or auto',
    })
    .default(1),
  // Set by the primary process for each worker it starts, never by hand: worker 1 runs the
  // clean-up timers, so several workers do not all do the same work.
  SEDP_WORKER_INDEX: wholeNumber('SEDP_WORKER_INDEX', 1, 256, 1),
  DATABASE_URL: databaseUrl,
  // No default here: unset, the PostgreSQL store picks its own (DEFAULT_POOL_SIZE).
  SEDP_DB_POOL_SIZE: z.coerce
    .number({ message: 'SEDP_DB_POOL_SIZE must be a number' })
    .int('SEDP_DB_POOL_SIZE must be a whole number')
    .min(1, 'SEDP_DB_POOL_SIZE must be between 1 and 1000')
    .max(1000, 'SEDP_DB_POOL_SIZE must be between 1 and 1000')
    .optional(),
  SEDP_DB_SCHEMA: z
    .string()
    .regex(SCHEMA_NAME, 'SEDP_DB_SCHEMA must be a plain lower-case schema name')
    .optional(),
});

/** SQLite in the data directory, or the PostgreSQL database DATABASE_URL names. */
export type DatabaseConfig =
  | { engine: 'sqlite' }
  | { engine: 'postgres'; url: string; poolSize?: number; schema?: string };

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path of the data directory: attachments, and the database when it is SQLite. */
  dataDir: string;
  /** Absolute path of the built app. */
  staticDir: string;
  /** Behind a reverse proxy: client addresses (login rate limits) from X-Forwarded-For. */
  trustProxy: boolean;
  /** A token unused this long stops working (401 `token_expired`). */
  tokenIdleMs: number;
  /** Sign-in limits: free attempts, then a doubling wait (from 1 s), forgotten after a window. */
  loginLimits: LoginLimits;
  /** Per-account fair-use limits. */
  fairUse: FairUseLimits;
  /** Server processes to run on the one port (node:cluster); 1 runs no cluster. */
  workers: number;
  /** This process's number among the workers (1 when there are none): 1 does the clean-up. */
  workerIndex: number;
  database: DatabaseConfig;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ServerConfig {
  // Empty variables count as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid server configuration:\n${problems.join('\n')}`);
  }
  const { PORT, HOST, SEDP_DATA_DIR, SEDP_STATIC_DIR, SEDP_TRUST_PROXY } = parsed.data;
  const { DATABASE_URL, SEDP_DB_POOL_SIZE, SEDP_DB_SCHEMA } = parsed.data;
  if (DATABASE_URL === undefined && (SEDP_DB_POOL_SIZE ?? SEDP_DB_SCHEMA) !== undefined) {
    // Set without it, they suggest PostgreSQL is in use while everything goes to SQLite.
    throw new ConfigError(
      'Invalid server configuration:\n  SEDP_DB_POOL_SIZE and SEDP_DB_SCHEMA need DATABASE_URL',
    );
  }
  const login = parsed.data;
  const day = 24 * 60 * 60 * 1000;
  return {
    port: PORT,
    host: HOST,
    dataDir: path.resolve(cwd, SEDP_DATA_DIR),
    staticDir: path.resolve(cwd, SEDP_STATIC_DIR),
    trustProxy: SEDP_TRUST_PROXY === '1' || SEDP_TRUST_PROXY === 'true',
    tokenIdleMs: login.SEDP_TOKEN_IDLE_DAYS * 24 * 60 * 60 * 1000,
    loginLimits: {
      perAccount: login.SEDP_LOGIN_FREE_ATTEMPTS,
      perDevice: login.SEDP_LOGIN_FREE_ATTEMPTS,
      perAddress: login.SEDP_LOGIN_ADDRESS_FREE_ATTEMPTS,
      windowMs: login.SEDP_LOGIN_WINDOW_MINUTES * 60_000,
      firstDelayMs: login.SEDP_LOGIN_FIRST_DELAY_SECONDS * 1_000,
      maxDelayMs: login.SEDP_LOGIN_MAX_DELAY_SECONDS * 1_000,
    },
    workers:
      parsed.data.SEDP_WORKERS === 'auto' || parsed.data.SEDP_WORKERS === 0
        ? availableParallelism()
        : parsed.data.SEDP_WORKERS,
    workerIndex: parsed.data.SEDP_WORKER_INDEX,
    fairUse: {
      pushesPerMinute: parsed.data.SEDP_PUSHES_PER_MINUTE,
      uploadsPerMinute: parsed.data.SEDP_UPLOADS_PER_MINUTE,
      uploadBytesPerDay: parsed.data.SEDP_UPLOAD_MB_PER_DAY * 1024 * 1024,
      unreferencedUploadsPerDay: parsed.data.SEDP_UNREFERENCED_UPLOADS_PER_DAY,
      conflictVersionsKept: parsed.data.SEDP_CONFLICT_VERSIONS_KEPT,
      unreferencedBlobMaxAgeMs: parsed.data.SEDP_UNREFERENCED_BLOB_DAYS * day,
    },
    database:
      DATABASE_URL === undefined
        ? { engine: 'sqlite' }
        : {
            engine: 'postgres',
            url: DATABASE_URL,
            ...(SEDP_DB_POOL_SIZE === undefined ? {} : { poolSize: SEDP_DB_POOL_SIZE }),
            ...(SEDP_DB_SCHEMA === undefined ? {} : { schema: SEDP_DB_SCHEMA }),
          },
  };
}
