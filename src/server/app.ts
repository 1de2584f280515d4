import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { systemClock, type Clock } from './lib/clock';
import { adminRoutes } from './modules/admin/admin.routes';
import { createAdminService } from './modules/admin/admin.service';
import { authRoutes, meRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { contactsRoutes, remindersRoutes } from './modules/contacts/contacts.routes';
import { contactToolsRoutes, exportRoutes } from './modules/contacts/network-tools.routes';
import { createContactsService } from './modules/contacts/contacts.service';
import { createAdvisingService } from './modules/appointments/advising.service';
import { advisorsRoutes, calendarFeedRoutes, studentStandingRoutes } from './modules/appointments/advisors.routes';
import { appointmentsRoutes, reasonCodesRoutes, slotsRoutes } from './modules/appointments/appointments.routes';
import { createBookingService } from './modules/appointments/booking.service';
import { adminReasonCodesRoutes, officePolicyRoutes } from './modules/appointments/office.routes';
import { createOfficeService } from './modules/appointments/office.service';
import { createSlotsService } from './modules/appointments/slots.service';
import { writeLocksFor } from './modules/appointments/write-locks';
import { auditRoutes } from './modules/audit/audit.routes';
import { documentsRoutes } from './modules/documents/documents.routes';
import { createDocumentsService } from './modules/documents/documents.service';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { createImportsService } from './modules/imports/imports.service';
import { createRowChecker, DEFAULT_WORKER_FROM_BYTES } from './modules/imports/row-checker';
import { createMailer, smtpTransport, type MailTransport } from './modules/mail/mailer';
import { registerErrorHandler } from './plugins/error-handler';
import { registerGracefulClose } from './plugins/graceful-close';
import { RequestLog, requestLoggerFactory } from './plugins/request-log';
import { registerRequestGuards } from './plugins/request-guards';
import { registerSecurityHeaders, securityHeadersFor } from './plugins/security-headers';
import { registerRouteTable } from './plugins/route-table';
import { registerSessionGuard } from './plugins/session';
import './lib/zod-messages';

export type AppDeps = {
  database: Database;
  clock?: Clock;
  /** Replaces the SMTP transport built from SMTP_URL (tests). */
  mailTransport?: MailTransport;
  /** pino options or false; tests pass false. */
  logger?: boolean | Record<string, unknown>;
  /** Import files of at least this many bytes are checked in the worker thread (tests pass 0 or Infinity). */
  importWorkerFromBytes?: number;
};

export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

function createServices(config: Config, deps: AppDeps, log: FastifyBaseLogger) {
  const db = deps.database.db;
  const clock = deps.clock ?? systemClock;
  const transport = deps.mailTransport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined);
  const mailer = createMailer({
    db,
    clock,
    from: config.mailFrom,
    transport,
    onError: (error, mail) => log.warn({ err: error, mailId: mail.id, attempts: mail.attempts }, 'mail delivery failed; will retry'),
  });
  const auth = createAuthService({ db, clock, config, mailer });
  const admin = createAdminService({ db, clock, auth });
  const contacts = createContactsService({ db, clock });
  const office = createOfficeService({ db, clock });
  const locks = writeLocksFor(deps.database.kind);
  const slots = createSlotsService({ db, clock, office });
  const booking = createBookingService({ db, clock, mailer, office, locks, publicUrl: config.publicUrl });
  const advising = createAdvisingService({ db, clock, mailer, office, locks, publicUrl: config.publicUrl });
  const documents = createDocumentsService({ db, clock, onSweepError: (error) => log.warn({ err: error }, 'deleting unattached documents failed; will retry') });
  const importChecker = createRowChecker({ workerFromBytes: deps.importWorkerFromBytes ?? DEFAULT_WORKER_FROM_BYTES });
  const imports = createImportsService({
    db,
    clock,
    checker: importChecker,
    writeAs: deps.database.kind === 'pglite' ? 'copy' : 'record',
    onFlushError: (error) => log.warn({ err: error }, 'search index flush after an import failed'),
  });
  return { db, clock, mailer, auth, admin, contacts, office, slots, booking, advising, documents, importChecker, imports };
}

// What pino must never write (SECURITY.md audit-and-logs): cookies, credentials, reset tokens.
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'];

/** Builds the whole app without listening; main.ts listens, tests inject. */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel, redact: REDACT, ...(deps.logger === true ? {} : deps.logger) },
    trustProxy: config.trustProxy === false ? false : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
    logController: new RequestLog(),
    childLoggerFactory: requestLoggerFactory,
    // Addresses the router refuses before any hook runs (a malformed escape, a path segment over 200
    // characters) still answer in the error envelope, with the security headers.
    frameworkErrors: (error, request, frameworkReply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const reply = frameworkReply as unknown as FastifyReply;
      void reply
        .headers(securityHeadersFor(request.url))
        .status(tooLong ? 404 : 400)
        .type('application/json; charset=utf-8')
        .send(
          tooLong
            ? { error: { code: 'NOT_FOUND', message: 'There is nothing at this address.' } }
            : { error: { code: 'VALIDATION_FAILED', message: 'The address is not valid.' } },
        );
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is parsed; upload routes add their own parser for their declared type.
  app.removeContentTypeParser(['text/plain']);

  const services = createServices(config, deps, app.log);
  app.decorate('services', services);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1',
        description: 'Networking and informational-interview workspace. Errors are {"error":{"code","message"}}.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: config.session.cookieName } } },
    },
    transform: jsonSchemaTransform,
  });

  registerRouteTable(app);
  registerGracefulClose(app);
  registerSecurityHeaders(app);
  registerRequestGuards(app, config);
  registerSessionGuard(app, config, services.auth);
  registerErrorHandler(app, config.webDistDir);

  await app.register(healthRoutes(deps.database));
  await app.register(authRoutes(config, services.auth), { prefix: '/api/v1/auth' });
  await app.register(meRoutes(services.auth), { prefix: '/api/v1/me' });
  await app.register(adminRoutes({ ...services }), { prefix: '/api/v1/admin' });
  await app.register(contactsRoutes(services.contacts), { prefix: '/api/v1/contacts' });
  await app.register(contactToolsRoutes(services), { prefix: '/api/v1/contacts' });
  await app.register(exportRoutes(services), { prefix: '/api/v1/exports' });
  await app.register(remindersRoutes(services.contacts), { prefix: '/api/v1/reminders' });
  await app.register(importsRoutes(services.imports), { prefix: '/api/v1/imports' });
  await app.register(reasonCodesRoutes(services.office), { prefix: '/api/v1/reason-codes' });
  await app.register(slotsRoutes(services.slots), { prefix: '/api/v1/slots' });
  await app.register(appointmentsRoutes(services.booking, services.office), { prefix: '/api/v1/appointments' });
  await app.register(advisorsRoutes(services.advising, services.booking), { prefix: '/api/v1/advisors/me' });
  await app.register(documentsRoutes(services.documents), { prefix: '/api/v1/documents' });
  await app.register(calendarFeedRoutes(services.advising), { prefix: '/api/v1/calendar-feeds' });
  await app.register(studentStandingRoutes(services.advising), { prefix: '/api/v1/students' });
  await app.register(adminReasonCodesRoutes(services.office), { prefix: '/api/v1/admin/reason-codes' });
  await app.register(officePolicyRoutes(services.office), { prefix: '/api/v1/admin/office-policy' });
  await app.register(auditRoutes(services.db), { prefix: '/api/v1/admin/audit' });
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = resolve(config.webDistDir);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      // The web app's entry page for `/`; other page URLs fall through to the not-found handler's index.html.
      index: ['index.html'],
      dotfiles: 'deny',
      setHeaders(res, path: string) {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.addHook('onClose', async () => {
    await services.mailer.stop();
    await services.documents.stop();
    await services.imports.settle();
    await services.importChecker.close();
  });
  return app;
}
