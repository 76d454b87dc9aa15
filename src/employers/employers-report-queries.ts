import type { EntityManager } from 'typeorm';

/**
 * The employer register's section of the half-year report (issue 23; 001 Ishøj and 004 Sønderborg
 * report on the workplaces approached, the network and its meetings). Set-based, over the report's
 * REPEATABLE READ snapshot; every table read is limited to the plan ($1). Instants are bounded by
 * local midnights in Europe/Copenhagen (a visit at 23:30 on 30 June, 21:30 UTC, is in H1); days
 * ($2, $3: the first day of the period and the first day after it) by the calendar.
 */
const FROM = `($2::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;
const TO = `($3::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`;

export interface EmployersResult {
  /** Employers with at least one logged contact (visit, call, mail, meeting) in the period, each counted once. */
  approached: number;
  /** Cooperation agreements signed in the period. */
  newAgreements: number;
  /** Employers in the plan's network on at least one day of the period. */
  networkMembers: number;
  /** Sessions in the period that employers came to (network meetings). */
  networkMeetings: number;
  /** Employers' attendances at those sessions: an employer at two meetings counts twice. */
  meetingAttendances: number;
}

export async function employersSection(manager: EntityManager, params: [planId: string, fromDate: string, toDate: string]): Promise<EmployersResult> {
  const [n]: Record<string, string>[] = await manager.query(
    `SELECT
       (SELECT count(DISTINCT employer_id) FROM employer_contacts WHERE plan_id = $1 AND at >= ${FROM} AND at < ${TO}) AS approached,
       (SELECT count(*) FROM employer_agreements WHERE plan_id = $1 AND signed_at >= $2::date AND signed_at < $3::date) AS new_agreements,
       (SELECT count(DISTINCT employer_id) FROM employer_network_memberships
         WHERE plan_id = $1 AND valid_from < $3::date AND (valid_to IS NULL OR valid_to >= $2::date)) AS network_members,
       (SELECT count(DISTINCT g.session_id) FROM activity_session_employers g
          JOIN activity_sessions s ON s.id = g.session_id AND s.plan_id = $1
         WHERE g.plan_id = $1 AND s.starts_at >= ${FROM} AND s.starts_at < ${TO}) AS network_meetings,
       (SELECT count(*) FROM activity_session_employers g
          JOIN activity_sessions s ON s.id = g.session_id AND s.plan_id = $1
         WHERE g.plan_id = $1 AND s.starts_at >= ${FROM} AND s.starts_at < ${TO}) AS meeting_attendances`,
    params,
  );
  return {
    approached: Number(n.approached),
    newAgreements: Number(n.new_agreements),
    networkMembers: Number(n.network_members),
    networkMeetings: Number(n.network_meetings),
    meetingAttendances: Number(n.meeting_attendances),
  };
}
