import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DOCUMENT_FIXTURES,
  bookableAdvisor,
  signInAgain,
  signedInUser,
  uploadDocument,
  uploadedDocumentId,
  type SignedInUser,
} from '../../../../tests/factories';
import { as, createTestApp, type TestApp } from '../../../../tests/setup/test-app';
import { streamUpload as streamTo } from '../../../../tests/stream-upload';
import { waitFor } from '../../../../tests/wait-for';
import { DOCUMENT_CONTENT_TYPES } from '../../../shared/contracts/documents';
import { auditEvents, documents } from '../../db/schema/index';
import { manualClock } from '../../lib/clock';
import { DOWNLOAD_CONTENT_SECURITY_POLICY } from './document-download';

/**
 * APPT-02 documents as files (ADR 013): POST /api/v1/documents with the file as the body, attached by id when
 * booking, rescheduling or in PUT …/document; downloads for the student and the appointment's advisor; files
 * attached to nothing are deleted a day after upload. SECURITY.md upload-limits (ASVS 5.2.1, 5.2.2).
 */

let t: TestApp;
let student: SignedInUser;
let advisor: SignedInUser;
let baseUrl: string;
// Monday 2 March 2026, 12:00Z. The advisor works Monday–Friday 09:00–17:00 New York and offers Résumé review.
const NOW = new Date('2026-03-02T12:00:00Z');
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(NOW), env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '720' } });
  student = await signedInUser(t.app, { name: 'Aisha Bello' });
  advisor = await bookableAdvisor(t.app, { codes: ['RESUME_REVIEW', 'PART_TIME_JOB_SEARCH'] });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  t.clock.set(NOW);
});
afterAll(async () => {
  await t.close();
});

/** An instant at a New York wall time in March 2026 after the DST switch on the 8th (EDT, UTC−4). */
const ny = (day: number, time: string) => new Date(`2026-03-${String(day).padStart(2, '0')}T${time}:00-04:00`).toISOString();

function bookResumeReview(who: SignedInUser, start: string, document: object) {
  return as(t.app, who.cookie)({
    method: 'POST',
    url: '/api/v1/appointments',
    payload: { advisorId: advisor.id, reasonCode: 'RESUME_REVIEW', start, mode: 'video', document },
  });
}

async function documentRows(ownerId: string) {
  return t.app.services.db.select({ id: documents.id }).from(documents).where(eq(documents.ownerId, ownerId));
}

/** Streams `total` bytes to the upload route over a real socket (tests/stream-upload.ts). */
function streamUpload(total: number, headers: Record<string, string>) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return streamTo(`${baseUrl}/api/v1/documents`, total, chunk, {
    cookie: student.cookie,
    'content-type': 'text/plain',
    'content-disposition': 'attachment; filename="big.txt"',
    ...headers,
  });
}

describe('POST /api/v1/documents', () => {
  it('APPT-02: 201 for each accepted type; the document is the caller’s, described by id, name, type and size', async () => {
    for (const type of DOCUMENT_CONTENT_TYPES) {
      const response = await uploadDocument(t.app, student, { type, filename: `cv-${type.length}.bin` });
      expect(response.statusCode, `${type}: ${response.body}`).toBe(201);
      expect(response.json().document).toEqual({ id: expect.any(String), filename: `cv-${type.length}.bin`, contentType: type, size: DOCUMENT_FIXTURES[type].length });
    }
    const withCharset = await uploadDocument(t.app, student, { type: 'text/plain; charset=utf-8', body: DOCUMENT_FIXTURES['text/plain'], filename: 'notes.txt' });
    expect(withCharset.statusCode, withCharset.body).toBe(201);
    expect(withCharset.json().document.contentType).toBe('text/plain');
  });

  it('upload-limits (ASVS 5.2.2): bytes that do not match the type → 400 UNSUPPORTED_DOCUMENT_TYPE, nothing stored', async () => {
    const other = await signedInUser(t.app);
    const cases: [string, Buffer][] = [
      ['application/pdf', Buffer.from('MZ\x90\x00 this is a Windows executable', 'latin1')],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCUMENT_FIXTURES['application/pdf']],
      ['application/msword', DOCUMENT_FIXTURES['application/vnd.oasis.opendocument.text']],
      ['application/vnd.oasis.opendocument.text', Buffer.from('<html><script>alert(1)</script></html>')],
      ['text/plain', Buffer.from('caf\xe9 latin-1', 'latin1')],
      ['text/plain', Buffer.from('NUL\u0000inside')],
      ['text/plain; charset=iso-8859-1', Buffer.from('plain ascii')],
    ];
    for (const [type, body] of cases) {
      const response = await uploadDocument(t.app, other, { type, body });
      expect(response.statusCode, type).toBe(400);
      expect(response.json().error.code, type).toBe('UNSUPPORTED_DOCUMENT_TYPE');
    }
    expect(await documentRows(other.id)).toEqual([]);
  });

  it('400 without a file name (no Content-Disposition, not an attachment, malformed) or with an empty file', async () => {
    for (const disposition of [null, 'inline; filename="cv.pdf"', 'attachment; filename="open', 'attachment']) {
      const response = await uploadDocument(t.app, student, { disposition });
      expect(response.statusCode, String(disposition)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
    const empty = await uploadDocument(t.app, student, { type: 'text/plain', body: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
  });

  it('upload-limits (ASVS 5.2.2): the file name is sanitised and only ever a label', async () => {
    const cases: [string, string][] = [
      ['attachment; filename="../../etc/passwd"', 'passwd'],
      ['attachment; filename="C:\\\\Windows\\\\win.ini"', 'win.ini'],
      ["attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fcv%0D%0A%E2%80%AEfdp.pdf", 'cvfdp.pdf'],
      ['attachment; filename="..."', 'document.pdf'],
    ];
    for (const [disposition, expected] of cases) {
      const response = await uploadDocument(t.app, student, { disposition });
      expect(response.statusCode, disposition).toBe(201);
      expect(response.json().document.filename, disposition).toBe(expected);
    }
  });

  it('415 for JSON, a form, or a type outside the list; 401 anonymous; 403 for an advisor or an admin', async () => {
    for (const type of ['application/json', 'application/x-www-form-urlencoded', 'image/png', 'text/html', 'application/zip']) {
      const response = await uploadDocument(t.app, student, { type, body: Buffer.from('{"a":1}') });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="a.pdf"' },
      payload: DOCUMENT_FIXTURES['application/pdf'],
    });
    expect(anonymous.statusCode).toBe(401);
    for (const staff of [advisor, await signedInUser(t.app, { role: 'admin' })]) {
      const response = await uploadDocument(t.app, staff);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('upload-limits (ASVS 5.2.1): 5 MB is accepted; 5 MB + 1 byte → 413 DOCUMENT_TOO_LARGE stating the limit, in < 1 s', async () => {
    const atLimit = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * MiB - 9, 0x20)]);
    const storing = performance.now();
    const stored = await uploadDocument(t.app, student, { body: atLimit });
    expect(stored.statusCode).toBe(201);
    const fileId = stored.json().document.id;
    const id = (await bookResumeReview(student, ny(20, '10:00'), { fileId })).json().appointment.id;
    const reading = performance.now();
    const download = await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}/document` });
    expect(download.rawPayload.length).toBe(5 * MiB);
    console.log(
      `5 MB document on ${t.database.label}: stored in ${(reading - storing).toFixed(0)} ms (with the booking), downloaded in ${(performance.now() - reading).toFixed(0)} ms`,
    );
    const started = performance.now();
    const over = await uploadDocument(t.app, student, { body: Buffer.concat([atLimit, Buffer.from('x')]) });
    const ms = performance.now() - started;
    expect(over.statusCode).toBe(413);
    expect(over.json().error).toEqual({ code: 'DOCUMENT_TOO_LARGE', message: 'The file is 5 MB; documents can be at most 5 MB.' });
    expect(ms).toBeLessThan(1_000);
  });

  it('upload-limits (ASVS 5.2.1): a 50 MB upload over a real socket is answered 413 in < 1 s, before the body has been sent', async () => {
    const total = 50 * MiB;
    const result = await streamUpload(total, { 'content-length': String(total) });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toEqual({ code: 'DOCUMENT_TOO_LARGE', message: 'The file is 50 MB; documents can be at most 5 MB.' });
    expect(result.ms).toBeLessThan(1_000);
    expect(result.sent).toBeLessThan(total);
  });

  it('upload-limits (ASVS 5.2.1): a chunked upload without a length is cut off at 5 MB with the same code', async () => {
    const total = 64 * MiB;
    const result = await streamUpload(total, { 'transfer-encoding': 'chunked' });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toEqual({ code: 'DOCUMENT_TOO_LARGE', message: 'The file is larger than the limit; documents can be at most 5 MB.' });
    expect(result.sent).toBeLessThan(total);
  });
});

describe('APPT-02: attaching an uploaded file', () => {
  it('APPT-02: booking with document {fileId} → 201 with the file described; a reschedule keeps it', async () => {
    const fileId = await uploadedDocumentId(t.app, student, { filename: 'Aisha Bello CV.pdf' });
    const booked = await bookResumeReview(student, ny(10, '10:00'), { fileId });
    expect(booked.statusCode, booked.body).toBe(201);
    const appointment = booked.json().appointment;
    expect(appointment.document).toEqual({
      kind: 'resume',
      url: null,
      text: null,
      file: { id: fileId, filename: 'Aisha Bello CV.pdf', contentType: 'application/pdf', size: DOCUMENT_FIXTURES['application/pdf'].length },
      submittedAt: NOW.toISOString(),
    });
    const moved = await as(t.app, student.cookie)({ method: 'POST', url: `/api/v1/appointments/${appointment.id}/reschedule`, payload: { start: ny(10, '11:00') } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().appointment.document.file.id).toBe(fileId);
  });

  it('APPT-02: someone else’s file or one that does not exist → 404 and no appointment; exactly one of url, text, fileId → else 400', async () => {
    const other = await signedInUser(t.app);
    const theirs = await uploadedDocumentId(t.app, other);
    for (const fileId of [theirs, '3b0a5c1e-6f1d-4a57-9d2c-0f6b8f1e2a11']) {
      const response = await bookResumeReview(student, ny(11, '10:00'), { fileId });
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'This document was not found.' });
    }
    const mine = await uploadedDocumentId(t.app, student);
    for (const document of [{ fileId: mine, url: 'https://a.example/cv.pdf' }, { fileId: mine, text: 'cv' }, { fileId: 'not-an-id' }, {}]) {
      expect((await bookResumeReview(student, ny(11, '10:00'), document)).statusCode, JSON.stringify(document)).toBe(400);
    }
    expect((await bookResumeReview(student, ny(11, '10:00'), { fileId: mine })).statusCode).toBe(201);
  });

  it('APPT-02: PUT …/document replaces a link with a file and back, until the deadline; someone else’s file → 404', async () => {
    const booked = await bookResumeReview(student, ny(12, '10:00'), { url: 'https://docs.example.edu/cv.pdf' });
    const id = booked.json().appointment.id;
    const put = (who: SignedInUser, payload: object) => as(t.app, who.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload });
    const fileId = await uploadedDocumentId(t.app, student, { type: 'text/plain', filename: 'cv.txt' });
    const replaced = await put(student, { fileId });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().appointment.document).toMatchObject({ url: null, text: null, file: { id: fileId, filename: 'cv.txt', contentType: 'text/plain' } });
    const other = await signedInUser(t.app);
    expect((await put(student, { fileId: await uploadedDocumentId(t.app, other) })).statusCode).toBe(404);
    expect((await put(other, { fileId })).statusCode).toBe(404);
    expect((await put(student, { text: 'Pasted instead' })).json().appointment.document).toMatchObject({ text: 'Pasted instead', file: null });
    // The deadline rule stays: 24 hours before the start.
    t.clock.set(new Date(ny(11, '10:01')));
    const late = await signInAgain(t.app, student);
    const refused = await as(t.app, late.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { fileId } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DOCUMENT_DEADLINE_PASSED');
  });
});

describe('downloads', () => {
  it('the student downloads their file: attachment, the stored type, nosniff and a sandboxing CSP; bytes unchanged', async () => {
    const fileId = await uploadedDocumentId(t.app, student, { type: 'text/plain', filename: 'Lebenslauf Jürgen.txt', body: Buffer.from('<script>alert(1)</script> résumé', 'utf8') });
    const booked = await bookResumeReview(student, ny(13, '10:00'), { fileId });
    const id = booked.json().appointment.id;
    const response = await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${id}/document` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="Lebenslauf J?rgen.txt"; filename*=UTF-8''Lebenslauf%20J%C3%BCrgen.txt`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe(DOWNLOAD_CONTENT_SECURITY_POLICY);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.toString('utf8')).toBe('<script>alert(1)</script> résumé');
  });

  it('the appointment’s advisor downloads it (a PDF, byte for byte) and an audit row records it; another advisor → 404', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])]);
    const fileId = await uploadedDocumentId(t.app, student, { body: pdf, filename: 'cv.pdf' });
    const id = (await bookResumeReview(student, ny(13, '11:00'), { fileId })).json().appointment.id;
    const response = await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}/document` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename=cv.pdf');
    expect(response.headers['content-security-policy']).toBe(DOWNLOAD_CONTENT_SECURITY_POLICY);
    expect(Buffer.compare(response.rawPayload, pdf)).toBe(0);
    const audit = await t.app.services.db.select().from(auditEvents).where(eq(auditEvents.targetId, fileId));
    expect(audit).toMatchObject([{ action: 'document_downloaded', actorId: advisor.id, studentId: student.id, targetType: 'document' }]);
    const stranger = await bookableAdvisor(t.app, { name: 'Stranger' });
    expect((await as(t.app, stranger.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${id}/document` })).statusCode).toBe(404);
  });

  it('404 for someone else’s appointment or one without a file; 400 a bad id; 401 anonymous; 403 for the wrong role', async () => {
    const other = await signedInUser(t.app);
    const fileId = await uploadedDocumentId(t.app, student);
    const withFile = (await bookResumeReview(student, ny(13, '13:00'), { fileId })).json().appointment.id;
    const withLink = (await bookResumeReview(student, ny(13, '14:00'), { url: 'https://docs.example.edu/cv.pdf' })).json().appointment.id;
    expect((await as(t.app, other.cookie)({ method: 'GET', url: `/api/v1/appointments/${withFile}/document` })).statusCode).toBe(404);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/appointments/${withLink}/document` })).statusCode).toBe(404);
    expect((await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${withLink}/document` })).statusCode).toBe(404);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: '/api/v1/appointments/nope/document' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${withFile}/document` })).statusCode).toBe(401);
    expect((await as(t.app, advisor.cookie)({ method: 'GET', url: `/api/v1/appointments/${withFile}/document` })).statusCode).toBe(403);
    expect((await as(t.app, student.cookie)({ method: 'GET', url: `/api/v1/advisors/me/appointments/${withFile}/document` })).statusCode).toBe(403);
  });
});

describe('unattached documents are deleted a day after upload (ADR 013)', () => {
  it('the sweep deletes files attached to nothing after 24 h; attached ones and younger ones stay', async () => {
    const owner = await signedInUser(t.app);
    const attached = await uploadedDocumentId(t.app, owner);
    await bookResumeReview(owner, ny(16, '10:00'), { fileId: attached });
    const loose = await uploadedDocumentId(t.app, owner);
    t.clock.set(new Date(NOW.getTime() + 23 * 3_600_000));
    const young = await uploadedDocumentId(t.app, owner);
    // 23 h 59 min after the first uploads: nothing is old enough yet.
    t.clock.set(new Date(NOW.getTime() + 24 * 3_600_000 - 60_000));
    await t.app.services.documents.sweep();
    expect((await documentRows(owner.id)).map((r) => r.id).sort()).toEqual([attached, loose, young].sort());
    t.clock.set(new Date(NOW.getTime() + 24 * 3_600_000 + 60_000));
    await t.app.services.documents.sweep();
    expect((await documentRows(owner.id)).map((r) => r.id).sort()).toEqual([attached, young].sort());
  });

  it('a file replaced on its appointment is attached to nothing and goes at the next sweep once a day old', async () => {
    const owner = await signedInUser(t.app);
    const first = await uploadedDocumentId(t.app, owner);
    const id = (await bookResumeReview(owner, ny(17, '10:00'), { fileId: first })).json().appointment.id;
    await as(t.app, owner.cookie)({ method: 'PUT', url: `/api/v1/appointments/${id}/document`, payload: { text: 'Pasted instead' } });
    t.clock.set(new Date(NOW.getTime() + 25 * 3_600_000));
    await t.app.services.documents.sweep();
    expect(await documentRows(owner.id)).toEqual([]);
  });

  it('start() sweeps at once (then hourly) and stop() ends it', async () => {
    const owner = await signedInUser(t.app);
    await uploadedDocumentId(t.app, owner);
    t.clock.set(new Date(NOW.getTime() + 48 * 3_600_000));
    t.app.services.documents.start();
    try {
      await waitFor(async () => (await documentRows(owner.id)).length === 0, { what: 'the sweep at start' });
    } finally {
      await t.app.services.documents.stop();
    }
  });
});
