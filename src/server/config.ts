import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  RAPPORT_ADMIN_EMAIL: optionalString,
  RAPPORT_ADMIN_PASSWORD: optionalString,
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: z.string().default('Rapport <no-reply@rapport.invalid>'),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TRUST_PROXY: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  RESET_TOKEN_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  WEB_DIST_DIR: z.string().default('./dist/web'),
});

export type LoginLimits = {
  /** Failed logins allowed per account in one window before 429 (ASVS 6.3.1). */
  perAccount: number;
  /** Failed logins allowed per client address in one window. */
  perAddress: number;
  windowSeconds: number;
};

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  admin: { email: string; password: string } | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  trustProxy: string[] | false;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; cookieName: string; secureCookie: boolean };
  resetTokenMinutes: number;
  loginLimits: LoginLimits;
  dbPoolSize: number;
  webDistDir: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\./.test(hostname);
}

/** The only reader of process.env: parses it once, lists every bad key, returns a typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.RAPPORT_ADMIN_EMAIL === undefined) !== (e.RAPPORT_ADMIN_PASSWORD === undefined)) {
    problems.push('RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const urlHost = e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${urlHost}:${e.PORT}`).replace(/\/+$/, '');
  const publicHost = new URL(publicUrl).hostname;
  // Browsers keep Secure cookies from https origins and from loopback; a plain-http deployment on another
  // host (behind nothing) would lose its sessions, so only there the cookie drops Secure and the prefix.
  const secureCookie = publicUrl.startsWith('https:') || isLoopback(publicHost);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    admin:
      e.RAPPORT_ADMIN_EMAIL && e.RAPPORT_ADMIN_PASSWORD
        ? { email: e.RAPPORT_ADMIN_EMAIL, password: e.RAPPORT_ADMIN_PASSWORD }
        : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl,
    trustProxy: e.TRUST_PROXY
      ? e.TRUST_PROXY.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : false,
    logLevel: e.LOG_LEVEL,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieName: secureCookie ? '__Host-rapport_session' : 'rapport_session',
      secureCookie,
    },
    resetTokenMinutes: e.RESET_TOKEN_MINUTES,
    loginLimits: { perAccount: 10, perAddress: 100, windowSeconds: 15 * 60 },
    dbPoolSize: e.DB_POOL_SIZE,
    webDistDir: e.WEB_DIST_DIR,
  };
}
