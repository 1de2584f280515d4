import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/contracts/admin';
import {
  advisorSettingsBody,
  advisorSettingsEnvelope,
  availabilityBody,
  availabilityEnvelope,
  calendarFeedResponse,
  exceptionBody,
  exceptionEnvelope,
  exceptionListQuery,
  exceptionListResponse,
  offeredCodesBody,
  offeredCodesResponse,
} from '../../../shared/contracts/advising';
import {
  advisorBookingBody,
  advisorNotesBody,
  agendaItemEnvelope,
  agendaQuery,
  agendaResponse,
  attendanceBody,
  cancelBody,
  clearanceBody,
  clearanceResponse,
  type AgendaItemDto,
} from '../../../shared/contracts/appointments';
import { emptyBody } from '../../../shared/contracts/auth';
import { errors } from '../../lib/errors';
import { requireAuth } from '../../plugins/session';
import type { Actor } from '../audit/audit.repo';
import { sendDocument } from '../documents/document-download';
import { toAgendaItemDto } from './appointment-mapping';
import type { AdvisingService } from './advising.service';
import type { AdvisorAppointment } from './appointments.repo';
import type { BookingService } from './booking.service';

/** The signed-in staff member as the actor of audit rows. */
function actorOf(request: Parameters<typeof requireAuth>[0]): Actor {
  const { user } = requireAuth(request);
  return { id: user.id, role: user.role, auditPseudonym: user.auditPseudonym };
}

/** The signed-in advisor's own set-up and agenda: /api/v1/advisors/me (advisor role only, see access.ts). */
export function advisorsRoutes(advising: AdvisingService, booking: BookingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['advising'];
    /** The DTOs under the policy in force now (the document deadline) with each student's no-show standing now. */
    const dtos = async (rows: readonly AdvisorAppointment[]) => {
      const { policy, standingOf } = await advising.presentation(rows.map((row) => row.studentId));
      return rows.map((row) => toAgendaItemDto(row, policy, standingOf(row.studentId)));
    };
    const dto = async (row: AdvisorAppointment) => (await dtos([row]))[0] as AgendaItemDto;
    const me = (request: Parameters<typeof requireAuth>[0]) => requireAuth(request).user.id;

    r.get('/availability', { schema: { tags, response: { 200: availabilityEnvelope } } }, async (request) => ({
      availability: await advising.availability(me(request)),
    }));

    r.put(
      '/availability',
      { schema: { tags, description: 'Weekly hours as wall-clock time in an IANA zone; ISO weekday 1 = Monday … 7 = Sunday.', body: availabilityBody, response: { 200: availabilityEnvelope } } },
      async (request) => ({ availability: await advising.saveAvailability(me(request), request.body) }),
    );

    r.get('/settings', { schema: { tags, response: { 200: advisorSettingsEnvelope } } }, async (request) => ({ settings: await advising.settings(me(request)) }));

    r.put('/settings', { schema: { tags, body: advisorSettingsBody, response: { 200: advisorSettingsEnvelope } } }, async (request) => ({
      settings: await advising.saveSettings(me(request), request.body),
    }));

    r.get('/exceptions', { schema: { tags, querystring: exceptionListQuery, response: { 200: exceptionListResponse } } }, async (request) => ({
      items: await advising.exceptions(me(request), request.query.from ? new Date(request.query.from) : undefined),
    }));

    r.post('/exceptions', { schema: { tags, body: exceptionBody, response: { 201: exceptionEnvelope } } }, async (request, reply) =>
      reply.status(201).send({ exception: await advising.addException(me(request), request.body) }),
    );

    r.delete('/exceptions/:id', { schema: { tags, params: idParams, body: emptyBody } }, async (request, reply) => {
      await advising.removeException(me(request), request.params.id);
      return reply.status(204).send();
    });

    r.get('/reason-codes', { schema: { tags, response: { 200: offeredCodesResponse } } }, async (request) => ({ codes: await advising.offeredCodes(me(request)) }));

    r.put('/reason-codes', { schema: { tags, body: offeredCodesBody, response: { 200: offeredCodesResponse } } }, async (request) => ({
      codes: await advising.saveOfferedCodes(me(request), request.body.codes),
    }));

    r.get('/agenda', { schema: { tags, querystring: agendaQuery, response: { 200: agendaResponse } } }, async (request) => {
      const agenda = await advising.agenda(actorOf(request), {
        date: request.query.date,
        view: request.query.view,
        includeCancelled: request.query.includeCancelled === 'true',
      });
      return { ...agenda, items: await dtos(agenda.items) };
    });

    r.post(
      '/appointments',
      {
        schema: {
          tags,
          description:
            'Books an appointment with the signed-in advisor for a student (by id or email), when the office policy allows it ' +
            '(403 ADVISOR_BOOKING_DISABLED otherwise). The advisor’s own slots, the student’s no-show standing and term cap apply; ' +
            'a taken time → 409 APPOINTMENT_SLOT_TAKEN. The student is mailed the confirmation and adds a required document later.',
          body: advisorBookingBody,
          response: { 201: agendaItemEnvelope },
        },
      },
      async (request, reply) => reply.status(201).send({ appointment: await dto(await booking.bookForStudent(actorOf(request), request.body)) }),
    );

    r.get('/appointments/:id', { schema: { tags, params: idParams, response: { 200: agendaItemEnvelope } } }, async (request) => ({
      appointment: await dto(await advising.get(actorOf(request), request.params.id)),
    }));

    r.get(
      '/appointments/:id/document',
      { schema: { tags, description: 'Downloads the file the student uploaded as the appointment’s document (APPT-02); audited.', params: idParams } },
      async (request, reply) => sendDocument(reply, await advising.documentFile(actorOf(request), request.params.id)),
    );

    r.post('/appointments/:id/attendance', { schema: { tags, params: idParams, body: attendanceBody, response: { 200: agendaItemEnvelope } } }, async (request) => ({
      appointment: await dto(await advising.markAttendance(actorOf(request), request.params.id, request.body)),
    }));

    r.put('/appointments/:id/notes', { schema: { tags, params: idParams, body: advisorNotesBody, response: { 200: agendaItemEnvelope } } }, async (request) => ({
      appointment: await dto(await advising.saveNotes(actorOf(request), request.params.id, request.body.notes)),
    }));

    r.post('/appointments/:id/cancel', { schema: { tags, params: idParams, body: cancelBody, response: { 200: agendaItemEnvelope } } }, async (request) => ({
      appointment: await dto(await advising.cancel(actorOf(request), request.params.id, request.body?.reason ?? null)),
    }));

    r.post(
      '/calendar-feed',
      { schema: { tags, description: 'Creates a secret iCalendar subscription URL of the agenda; the previous URL stops working.', body: emptyBody, response: { 201: calendarFeedResponse } } },
      async (request, reply) => reply.status(201).send({ url: await advising.rotateFeed(me(request)) }),
    );

    r.delete('/calendar-feed', { schema: { tags, body: emptyBody } }, async (request, reply) => {
      await advising.revokeFeed(me(request));
      return reply.status(204).send();
    });
  };
}

/** The advisor's agenda for calendar apps: /api/v1/calendar-feeds/:token, authenticated by the secret token only. */
export function calendarFeedRoutes(advising: AdvisingService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/:token',
      { schema: { tags: ['advising'], description: 'iCalendar feed of an advisor’s appointments; the URL is the secret.', params: z.object({ token: z.string().max(100) }) } },
      async (request, reply) => {
        const body = await advising.feed(request.params.token);
        if (body === undefined) throw errors.notFound('This calendar feed');
        return reply.type('text/calendar; charset=utf-8').send(body);
      },
    );
  };
}

/** Staff actions on a student's booking standing: /api/v1/students (advisors and admins). */
export function studentStandingRoutes(advising: AdvisingService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/:id/no-show-clearance',
      {
        schema: {
          tags: ['advising'],
          description: 'APPT-05: records the staff meeting that lifts a no-show block; earlier no-shows stop counting.',
          params: idParams,
          body: clearanceBody,
          response: { 201: clearanceResponse },
        },
      },
      async (request, reply) => {
        const clearedAt = await advising.clearNoShows(actorOf(request), request.params.id, request.body?.note ?? '');
        return reply.status(201).send({ studentId: request.params.id, clearedAt: clearedAt.toISOString() });
      },
    );
  };
}
