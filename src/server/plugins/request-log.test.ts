import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { requestLoggerFactory } from './request-log';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info', redact: ['*.password'] }, stream) as unknown as FastifyBaseLogger;
  return { lines, logger };
}

describe('the logger of one request', () => {
  it('makes no pino child until something logs, then logs with the request id (and redaction) through one child', () => {
    const { lines, logger } = capture();
    const child = vi.spyOn(logger, 'child');
    const log = requestLoggerFactory(logger, { reqId: 'req-7' }, {});
    expect(log.level).toBe('info');
    expect(child).not.toHaveBeenCalled();
    log.debug('below the level');
    log.info({ user: { password: 'hunter2 hunter2' } }, 'first');
    log.error('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((line) => [line.reqId, line.msg])).toEqual([
      ['req-7', 'first'],
      ['req-7', 'second'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it("keeps a route's own level and hands out children of its child", () => {
    const { lines, logger } = capture();
    const log = requestLoggerFactory(logger, { reqId: 'req-8' }, { level: 'warn' });
    expect(log.level).toBe('warn');
    log.info('dropped');
    log.child({ part: 'mailer' }).warn('kept');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'req-8', part: 'mailer', msg: 'kept' });
  });
});
