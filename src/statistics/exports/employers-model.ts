import type { EmployersResult } from '../half-year-result';
import { plain, type Figure } from './count-tables';

/**
 * The employer register's figures. They count organisations and meetings, not residents, so they
 * are shown as they are, like "Aktive virksomheder" in the job-programme section.
 */
export function employersModel(e: EmployersResult): Figure[] {
  return [
    { label: 'Virksomheder kontaktet', count: plain(e.approached) },
    { label: 'Nye samarbejdsaftaler', count: plain(e.newAgreements) },
    { label: 'Virksomheder i netværket', count: plain(e.networkMembers) },
    { label: 'Netværksmøder med virksomheder', count: plain(e.networkMeetings) },
    { label: 'Virksomhedsdeltagelser i netværksmøder', count: plain(e.meetingAttendances) },
  ];
}
