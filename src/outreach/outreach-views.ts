import type { OutreachAttemptResponse, OutreachListDetails, OutreachListSummary, OutreachPersonResponse } from './dto/outreach-response.dto';
import type { OutreachAttempt } from './entities/outreach-attempt.entity';
import type { OutreachList } from './entities/outreach-list.entity';
import type { OutreachPerson } from './entities/outreach-person.entity';
import type { ListCounts } from './outreach.repository';
import { isPastRetention, namesDueAt } from './outreach-rules';

export function listSummary(l: OutreachList, counts: ListCounts): OutreachListSummary {
  return {
    id: l.id,
    name: l.name,
    source: l.source,
    legalBasis: l.legalBasis,
    retentionDays: l.retentionDays,
    retainedUntil: namesDueAt(l.createdAt, l.retentionDays).toISOString(),
    expired: isPastRetention(l),
    namesDeletedAt: l.namesDeletedAt?.toISOString() ?? null,
    peopleCount: counts.people,
    attemptCount: counts.attempts,
    createdAt: l.createdAt,
  };
}

export const attemptView = (a: OutreachAttempt): OutreachAttemptResponse => ({ id: a.id, personId: a.personId, at: a.at, outcome: a.outcome, caseId: a.caseId });

export const personView = (p: OutreachPerson, attempts: OutreachAttempt[]): OutreachPersonResponse => ({
  id: p.id,
  name: p.name,
  address: p.address,
  birthYear: p.birthYear,
  residentId: p.residentId,
  attempts: attempts.map(attemptView),
});

export function listDetails(l: OutreachList, counts: ListCounts, people: OutreachPerson[], attempts: OutreachAttempt[]): OutreachListDetails {
  const byPerson = new Map<string, OutreachAttempt[]>();
  for (const a of attempts) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  return { ...listSummary(l, counts), people: people.map((p) => personView(p, byPerson.get(p.id) ?? [])) };
}
