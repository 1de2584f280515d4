import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: undefined, smtpUrl: undefined });
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.trustProxy).toBe(false);
    expect(config.session).toMatchObject({ idleMinutes: 30, absoluteHours: 12, cookieName: '__Host-rapport_session', secureCookie: true });
  });

  it('lists every bad key at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/SMTP_URL/);
    }
  });

  it('needs the admin email and password together', () => {
    expect(() => loadConfig({ RAPPORT_ADMIN_EMAIL: 'a@b.edu' })).toThrow(/set together/);
  });

  it('trusts only the listed proxy addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
  });

  it('keeps Secure __Host- cookies on https and loopback, drops them only for plain http elsewhere', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://careers.example.edu' }).session.secureCookie).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).session.cookieName).toBe('__Host-rapport_session');
    expect(loadConfig({ PUBLIC_URL: 'http://intranet.example.edu' }).session).toMatchObject({ secureCookie: false, cookieName: 'rapport_session' });
  });
});
