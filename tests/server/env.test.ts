import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/env.ts';
import { DEFAULT_FAIR_USE } from '../../server/fair-use/fair-use.ts';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, '/srv/sedp')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/sedp/data'),
      staticDir: path.resolve('/srv/sedp/dist'),
      trustProxy: false,
      tokenIdleMs: 90 * 24 * 60 * 60 * 1000,
      loginLimits: {
        perAccount: 5,
        perDevice: 5,
        perAddress: 30,
        windowMs: 15 * 60_000,
        firstDelayMs: 1_000,
        maxDelayMs: 300_000,
      },
      fairUse: DEFAULT_FAIR_USE,
      database: { engine: 'sqlite' },
      workers: 1,
      workerIndex: 1,
    });
  });

  it('selects PostgreSQL by DATABASE_URL, with pool size and schema only alongside it', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://sedp:secret@db:5432/sedp' }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://sedp:secret@db:5432/sedp',
    });
    expect(
      loadConfig({
        DATABASE_URL: 'postgresql://db/sedp?sslmode=require',
        SEDP_DB_POOL_SIZE: '4',
        SEDP_DB_SCHEMA: 'sedp_field',
      }).database,
    ).toEqual({
      engine: 'postgres',
      url: 'postgresql://db/sedp?sslmode=require',
      poolSize: 4,
      schema: 'sedp_field',
    });
    expect(loadConfig({ DATABASE_URL: '', SEDP_DB_SCHEMA: '' }).database).toEqual({
      engine: 'sqlite',
    });
  });

  it.each([
    [
      { DATABASE_URL: 'mysql://db/sedp' },
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [
      { DATABASE_URL: 'db.example.org' },
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [
      { DATABASE_URL: 'postgres://db/sedp?options=-c%20search_path%3Dx' },
      /DATABASE_URL must not set options: use SEDP_DB_SCHEMA/,
    ],
    [
      { DATABASE_URL: 'postgres://db/sedp', SEDP_DB_POOL_SIZE: '0' },
      /SEDP_DB_POOL_SIZE must be between 1 and 1000/,
    ],
    [
      { DATABASE_URL: 'postgres://db/sedp', SEDP_DB_POOL_SIZE: 'ten' },
      /SEDP_DB_POOL_SIZE must be a number/,
    ],
    [
      { DATABASE_URL: 'postgres://db/sedp', SEDP_DB_SCHEMA: 'Field; DROP' },
      /SEDP_DB_SCHEMA must be a plain lower-case schema name/,
    ],
    [{ SEDP_DB_SCHEMA: 'sedp' }, /SEDP_DB_POOL_SIZE and SEDP_DB_SCHEMA need DATABASE_URL/],
    [{ SEDP_DB_POOL_SIZE: '5' }, /SEDP_DB_POOL_SIZE and SEDP_DB_SCHEMA need DATABASE_URL/],
  ])('refuses database settings %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the number of worker processes: a number, or 0 and auto for one per CPU', () => {
    expect(loadConfig({ SEDP_WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ SEDP_WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(loadConfig({ SEDP_WORKERS: '0' }).workers).toBe(availableParallelism());
    expect(loadConfig({ SEDP_WORKER_INDEX: '2' }).workerIndex).toBe(2);
    expect(() => loadConfig({ SEDP_WORKERS: 'many' })).toThrow(/SEDP_WORKERS must be/);
    expect(() => loadConfig({ SEDP_WORKERS: '-1' })).toThrow(/SEDP_WORKERS must be/);
    expect(() => loadConfig({ SEDP_WORKERS: '1.5' })).toThrow(/SEDP_WORKERS must be/);
  });

  it('never repeats DATABASE_URL (it may hold a password) in its messages', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://sedp:hunter2@db/sedp' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('reads token lifetime and sign-in limits, refusing nonsense', () => {
    const config = loadConfig({
      SEDP_TOKEN_IDLE_DAYS: '30',
      SEDP_LOGIN_FREE_ATTEMPTS: '3',
      SEDP_LOGIN_ADDRESS_FREE_ATTEMPTS: '100',
      SEDP_LOGIN_WINDOW_MINUTES: '60',
      SEDP_LOGIN_MAX_DELAY_SECONDS: '120',
    });
    expect(config.tokenIdleMs).toBe(30 * 24 * 60 * 60 * 1000);
    expect(config.loginLimits).toMatchObject({
      perAccount: 3,
      perDevice: 3,
      perAddress: 100,
      windowMs: 60 * 60_000,
      maxDelayMs: 120_000,
    });
    expect(() => loadConfig({ SEDP_TOKEN_IDLE_DAYS: '0' })).toThrow(
      /SEDP_TOKEN_IDLE_DAYS must be between 1 and 3650/,
    );
    expect(() => loadConfig({ SEDP_LOGIN_FREE_ATTEMPTS: 'many' })).toThrow(
      /SEDP_LOGIN_FREE_ATTEMPTS must be a number/,
    );
  });

  it('reads the fair-use limits and refuses ones below 1', () => {
    const config = loadConfig({
      SEDP_PUSHES_PER_MINUTE: '10',
      SEDP_UPLOAD_MB_PER_DAY: '2',
      SEDP_UNREFERENCED_BLOB_DAYS: '1',
    });
    expect(config.fairUse).toMatchObject({
      pushesPerMinute: 10,
      uploadBytesPerDay: 2 * 1024 * 1024,
      unreferencedBlobMaxAgeMs: 24 * 60 * 60 * 1000,
      conflictVersionsKept: 20,
    });
    expect(() => loadConfig({ SEDP_CONFLICT_VERSIONS_KEPT: '0' })).toThrow(
      /SEDP_CONFLICT_VERSIONS_KEPT must be 1 or more/,
    );
  });

  it('reads PORT, HOST and directories, treating empty values as unset', () => {
    const config = loadConfig(
      { PORT: '3000', HOST: '127.0.0.1', SEDP_DATA_DIR: '/var/lib/sedp', SEDP_STATIC_DIR: '' },
      '/srv',
    );
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/var/lib/sedp' });
    expect(config.staticDir).toBe(path.resolve('/srv/dist'));
  });

  it('trusts a reverse proxy only when told to', () => {
    expect(loadConfig({ SEDP_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ SEDP_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(() => loadConfig({ SEDP_TRUST_PROXY: 'yes' })).toThrow(
      /SEDP_TRUST_PROXY must be 1 or 0/,
    );
  });

  it.each([
    ['abc', /PORT must be a number/],
    ['70000', /PORT must be between 0 and 65535/],
    ['80.5', /PORT must be a whole number/],
  ])('stops on PORT=%s with a clear message', (port, message) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(message);
  });
});
