import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';
import { DEFAULT_FAIR_USE } from './fair-use/fair-use.ts';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, '/srv/sedp')).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: path.resolve('/srv/sedp/data'),
      staticDir: path.resolve('/srv/sedp/dist'),
      trustProxy: false,
      fairUse: DEFAULT_FAIR_USE,
    });
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
