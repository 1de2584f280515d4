import type { z } from 'zod';
import {
  advisorSettingsEnvelope,
  availabilityEnvelope,
  calendarFeedResponse,
  exceptionEnvelope,
  exceptionListResponse,
  offeredCodesResponse,
  type AdvisorSettingsInput,
  type AvailabilityInput,
  type ExceptionInput,
} from '../../../shared/contracts/advising';
import {
  agendaItemEnvelope,
  agendaResponse,
  appointmentEnvelope,
  bookAppointmentBody,
  appointmentListResponse,
  clearanceResponse,
  slotsResponse,
  standingResponse,
  type AdvisorBookingInput,
  type AttendanceInput,
  type DocumentInput,
} from '../../../shared/contracts/appointments';
import {
  adminReasonCodeEnvelope,
  adminReasonCodeListResponse,
  officePolicyEnvelope,
  reasonCodeListResponse,
  type OfficePolicyInput,
  type UpdateReasonCodeInput,
} from '../../../shared/contracts/reason-codes';
import { api } from '../../lib/api';

const enc = encodeURIComponent;

/** A booking as the contract takes it (`document` is a link, pasted text or an uploaded file: exactly one). */
export type BookingRequest = z.input<typeof bookAppointmentBody>;

/** Students' and alumni's side: reason codes, open slots, booking and their own appointments. */
export const bookingApi = {
  reasonCodes: () => api.get('/api/v1/reason-codes', reasonCodeListResponse).then((body) => body.items),
  /** Open times between two local dates (both included) in the viewer's zone; `limit: 1` finds the first. */
  slots: (query: { reasonCode: string; from: string; to: string; timeZone: string; limit?: number; advisorId?: string }) => api.get('/api/v1/slots', slotsResponse, { query }),
  /** The key is made once per confirmation and sent again on a retry, so a retried request books once. */
  book: (body: BookingRequest, idempotencyKey: string) =>
    api.post('/api/v1/appointments', appointmentEnvelope, body, { 'idempotency-key': idempotencyKey }).then((answer) => answer.appointment),
  list: (scope: 'upcoming' | 'past') => api.get('/api/v1/appointments', appointmentListResponse, { query: { scope } }).then((body) => body.items),
  standing: () => api.get('/api/v1/appointments/standing', standingResponse),
  cancel: (id: string) => api.post(`/api/v1/appointments/${enc(id)}/cancel`, appointmentEnvelope, {}).then((body) => body.appointment),
  reschedule: (id: string, start: string, advisorId: string, timeZone: string) =>
    api.post(`/api/v1/appointments/${enc(id)}/reschedule`, appointmentEnvelope, { start, advisorId, timeZone }).then((body) => body.appointment),
  icsUrl: (id: string) => `/api/v1/appointments/${enc(id)}/ics`,
  /** Adds or replaces the document (APPT-02) before its deadline: a file uploaded before, a link or pasted text. */
  saveDocument: (id: string, document: DocumentInput) => api.put(`/api/v1/appointments/${enc(id)}/document`, appointmentEnvelope, document).then((body) => body.appointment),
  /** The uploaded file, as the student downloads it. */
  documentUrl: (id: string) => `/api/v1/appointments/${enc(id)}/document`,
};

/** The signed-in advisor's own set-up and agenda: /api/v1/advisors/me. */
export const advisingApi = {
  availability: () => api.get('/api/v1/advisors/me/availability', availabilityEnvelope).then((body) => body.availability),
  saveAvailability: (body: AvailabilityInput) => api.put('/api/v1/advisors/me/availability', availabilityEnvelope, body).then((answer) => answer.availability),
  settings: () => api.get('/api/v1/advisors/me/settings', advisorSettingsEnvelope).then((body) => body.settings),
  saveSettings: (body: AdvisorSettingsInput) => api.put('/api/v1/advisors/me/settings', advisorSettingsEnvelope, body).then((answer) => answer.settings),
  offeredCodes: () => api.get('/api/v1/advisors/me/reason-codes', offeredCodesResponse).then((body) => body.codes),
  saveOfferedCodes: (codes: string[]) => api.put('/api/v1/advisors/me/reason-codes', offeredCodesResponse, { codes }).then((body) => body.codes),
  exceptions: () => api.get('/api/v1/advisors/me/exceptions', exceptionListResponse).then((body) => body.items),
  addException: (body: ExceptionInput) => api.post('/api/v1/advisors/me/exceptions', exceptionEnvelope, body).then((answer) => answer.exception),
  removeException: (id: string) => api.delete(`/api/v1/advisors/me/exceptions/${enc(id)}`),
  /** The day or week around `date` in the advisor's zone; without a date, today there (the answer says which). */
  agenda: (query: { date?: string; view: 'day' | 'week'; includeCancelled: 'true' | 'false' }) => api.get('/api/v1/advisors/me/agenda', agendaResponse, { query }),
  /** One appointment of the advisor's (a link from a notification email lands on it). */
  appointment: (id: string) => api.get(`/api/v1/advisors/me/appointments/${enc(id)}`, agendaItemEnvelope).then((answer) => answer.appointment),
  attendance: (id: string, body: AttendanceInput) =>
    api.post(`/api/v1/advisors/me/appointments/${enc(id)}/attendance`, agendaItemEnvelope, body).then((answer) => answer.appointment),
  saveNotes: (id: string, notes: string) => api.put(`/api/v1/advisors/me/appointments/${enc(id)}/notes`, agendaItemEnvelope, { notes }).then((answer) => answer.appointment),
  /** Cancels on the student's behalf (never a late cancellation for them); the student is emailed. */
  cancel: (id: string, reason: string) =>
    api.post(`/api/v1/advisors/me/appointments/${enc(id)}/cancel`, agendaItemEnvelope, reason ? { reason } : {}).then((answer) => answer.appointment),
  /** The student's uploaded file, as their advisor downloads it. */
  documentUrl: (id: string) => `/api/v1/advisors/me/appointments/${enc(id)}/document`,
  /** Books the student with the advisor themself (when the office allows it); the student is emailed. */
  bookForStudent: (body: AdvisorBookingInput) => api.post('/api/v1/advisors/me/appointments', agendaItemEnvelope, body).then((answer) => answer.appointment),
  /** A new secret iCalendar address of the agenda; the one before stops working. */
  createFeed: () => api.post('/api/v1/advisors/me/calendar-feed', calendarFeedResponse, {}).then((answer) => answer.url),
  revokeFeed: () => api.delete('/api/v1/advisors/me/calendar-feed'),
};

/** What any staff member (advisor or admin) can do about a student's booking standing. */
export const standingApi = {
  /** APPT-05: records the meeting that lifts a no-show block; earlier no-shows stop counting. */
  clearNoShows: (studentId: string, note: string) =>
    api.post(`/api/v1/students/${enc(studentId)}/no-show-clearance`, clearanceResponse, note ? { note } : {}),
};

/** Reason codes as the admin manages them. */
export const reasonCodesAdminApi = {
  list: () => api.get('/api/v1/admin/reason-codes', adminReasonCodeListResponse).then((body) => body.items),
  update: (code: string, body: UpdateReasonCodeInput) =>
    api.patch(`/api/v1/admin/reason-codes/${enc(code)}`, adminReasonCodeEnvelope, body).then((answer) => answer.reasonCode),
  policy: () => api.get('/api/v1/admin/office-policy', officePolicyEnvelope).then((body) => body.policy),
  savePolicy: (body: OfficePolicyInput) => api.put('/api/v1/admin/office-policy', officePolicyEnvelope, body).then((answer) => answer.policy),
};
