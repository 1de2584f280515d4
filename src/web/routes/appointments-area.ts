// The appointment pages (students, alumni and advisors), loaded together on the first visit to any of them.
export { AdvisorAgendaAppointmentRoute, AdvisorAgendaRoute } from './advisor-agenda';
export { AdvisorAvailabilityRoute } from './advisor-availability';
export { AdvisorBookRoute } from './advisor-book';
export { AppointmentsRoute } from './appointments';
export { AppointmentsBookRoute } from './appointments-book';
