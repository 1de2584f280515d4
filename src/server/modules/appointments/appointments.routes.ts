import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/admin';
import {
  appointmentEnvelope,
  appointmentListResponse,
  bookAppointmentBody,
  cancelBody,
  documentBody,
  idempotencyKeySchema,
  listAppointmentsQuery,
  rescheduleBody,
  slotsQuery,
  slotsResponse,
  standingResponse,
} from '../../../shared/contracts/appointments';
import { reasonCodeListResponse } from '../../../shared/contracts/reason-codes';
import { errors } from '../../lib/errors';
import { requireAuth } from '../../plugins/session';
import { sendDocument } from '../documents/document-download';
import { toAppointmentDto } from './appointment-mapping';
import type { Caller } from './booking-rules';
import type { StudentAppointment } from './appointments.repo';
import type { BookingService } from './booking.service';
import type { OfficeService } from './office.service';
import type { SlotsService } from './slots.service';

export function callerOf(request: FastifyRequest): Caller {
  const { user } = requireAuth(request);
  return { id: user.id, role: user.role, name: user.name, email: user.email, program: user.program };
}

/** The Idempotency-Key header of a booking, checked; undefined when absent. */
function idempotencyKey(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) {
    throw errors.validation('The Idempotency-Key header must be 1–200 visible ASCII characters.', [{ path: 'Idempotency-Key', message: 'Use a UUID, for example.' }]);
  }
  return parsed.data;
}

/** Students' and alumni's own appointments: /api/v1/appointments. Every call is scoped to the caller. */
export function appointmentsRoutes(booking: BookingService, office: OfficeService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['appointments'];
    /** The DTO under the policy in force now (the document deadline moves with the office's lead time). */
    const dto = async (row: StudentAppointment) => toAppointmentDto(row, (await office.office()).policy);

    r.get('', { schema: { tags, querystring: listAppointmentsQuery, response: { 200: appointmentListResponse } } }, async (request) => ({
      items: await booking.list(callerOf(request), request.query.scope, request.query.limit).then(async (rows) => {
        const { policy } = await office.office();
        return rows.map((row) => toAppointmentDto(row, policy));
      }),
    }));

    r.post(
      '',
      {
        schema: {
          tags,
          description:
            'Books a slot. Send an `Idempotency-Key` header (a UUID) so that a retried request returns the same appointment (201, `idempotent-replayed: true`). A taken slot → 409 APPOINTMENT_SLOT_TAKEN.',
          body: bookAppointmentBody,
          response: { 201: appointmentEnvelope },
        },
      },
      async (request, reply) => {
        const result = await booking.book(callerOf(request), request.body, idempotencyKey(request));
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send({ appointment: await dto(result.appointment) });
      },
    );

    r.get('/standing', { schema: { tags, response: { 200: standingResponse } } }, async (request) => booking.standing(callerOf(request)));

    r.get('/:id', { schema: { tags, params: idParams, response: { 200: appointmentEnvelope } } }, async (request) => ({
      appointment: await dto(await booking.get(callerOf(request), request.params.id)),
    }));

    r.get('/:id/ics', { schema: { tags, description: 'The appointment as an iCalendar (.ics) file.', params: idParams } }, async (request, reply) => {
      const body = await booking.ics(callerOf(request), request.params.id);
      return reply.header('content-disposition', 'attachment; filename="appointment.ics"').type('text/calendar; charset=utf-8').send(body);
    });

    r.get(
      '/:id/document',
      { schema: { tags, description: 'Downloads the file uploaded as the appointment’s document (APPT-02); 404 when it has none.', params: idParams } },
      async (request, reply) => sendDocument(reply, await booking.documentFile(callerOf(request), request.params.id)),
    );

    r.post('/:id/cancel', { schema: { tags, params: idParams, body: cancelBody, response: { 200: appointmentEnvelope } } }, async (request) => ({
      appointment: await dto(await booking.cancel(callerOf(request), request.params.id, request.body?.reason ?? null)),
    }));

    r.post('/:id/reschedule', { schema: { tags, params: idParams, body: rescheduleBody, response: { 200: appointmentEnvelope } } }, async (request) => ({
      appointment: await dto(await booking.reschedule(callerOf(request), request.params.id, request.body)),
    }));

    r.put('/:id/document', { schema: { tags, params: idParams, body: documentBody, response: { 200: appointmentEnvelope } } }, async (request) => ({
      appointment: await dto(await booking.saveDocument(callerOf(request), request.params.id, request.body)),
    }));
  };
}

/** Open slots for a reason code: /api/v1/slots. */
export function slotsRoutes(slots: SlotsService) {
  return async (app: FastifyInstance) => {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get('', { schema: { tags: ['appointments'], querystring: slotsQuery, response: { 200: slotsResponse } } }, async (request) =>
        slots.slots(callerOf(request), request.query),
      );
  };
}

/** Active reason codes: /api/v1/reason-codes. */
export function reasonCodesRoutes(office: OfficeService) {
  return async (app: FastifyInstance) => {
    app
      .withTypeProvider<ZodTypeProvider>()
      .get('', { schema: { tags: ['appointments'], response: { 200: reasonCodeListResponse } } }, async () => ({ items: await office.activeCodes() }));
  };
}
