import { LABELS, WHOLE_PLAN, type ActivitiesResult, type Counts, type ReferralsResult } from '../half-year-result';
import { suppressCount, suppressPart } from '../suppression';
import { breakdownTables, countTable, ownTotalTable, plain, tableCells, type CountTable, type Figure, type TableDef } from './count-tables';

export interface ActivitiesModel {
  figures: Figure[];
  tables: CountTable[];
}

const TABLES = {
  kindVisits: { section: 'Fremmøde fordelt på aktivitetstype', title: 'Fremmøde fordelt på aktivitetstype', categoryHeader: 'Aktivitetstype', labels: LABELS.activityKinds },
  areaVisits: { section: 'Fremmøde fordelt på boligområde', title: 'Fremmøde fordelt på boligområde', categoryHeader: 'Boligområde', labels: { [WHOLE_PLAN]: 'Hele planen' } },
  kindSessions: { section: 'Aktivitetsgange fordelt på aktivitetstype', title: 'Aktivitetsgange fordelt på aktivitetstype', categoryHeader: 'Aktivitetstype', labels: LABELS.activityKinds },
  outcomes: { section: 'Afsluttede tilmeldinger fordelt på udfald', title: 'Afsluttede tilmeldinger fordelt på udfald', categoryHeader: 'Udfald', labels: LABELS.enrolmentOutcomes },
  referralStatus: { section: 'Henvisninger fordelt på status', title: 'Henvisninger i perioden fordelt på status ved periodens udgang', categoryHeader: 'Status', labels: LABELS.referralStatuses },
} satisfies Record<string, TableDef>;

function pick(byKey: ActivitiesResult['byKind'], field: 'sessions' | 'headcount'): Counts {
  return Object.fromEntries(Object.entries(byKey).map(([key, counts]) => [key, counts[field]]));
}

/**
 * Activities. Head counts are people (anonymous visitors among them), so they are suppressed, the
 * total with its breakdowns by kind and by area as one figure; sessions are occasions, not people,
 * and are shown as they are. Unique participants are residents counted once across kinds, so they
 * do not add up by kind and are shown as one headline. Internships that went to a job are a part
 * of those that ended, suppressed as a part.
 */
export function activitiesModel(a: ActivitiesResult, t: number): ActivitiesModel {
  const kindLabel = (key: string) => a.kindLabels?.[key] ?? key;
  const visits = breakdownTables(
    [
      [{ ...TABLES.kindVisits, labelOf: kindLabel }, pick(a.byKind, 'headcount')],
      [TABLES.areaVisits, pick(a.byHousingArea, 'headcount')],
    ],
    a.headcount,
    t,
  );
  const sessionsDef: TableDef = { ...TABLES.kindSessions, labelOf: kindLabel };
  const sessionCells = tableCells(sessionsDef, pick(a.byKind, 'sessions')).map((c) => ({ key: c.key, ...plain(c.value) }));
  const enrolmentsEnded = breakdownTables([[TABLES.outcomes, a.enrolmentsByOutcome]], a.enrolmentsEnded, t);
  const internships = suppressPart(a.internshipsToJob, a.internshipsEnded, t);
  return {
    figures: [
      { label: 'Aktivitetsgange', count: plain(a.sessions) },
      { label: 'Fremmøde i alt (inkl. anonyme)', count: visits.total },
      { label: 'Unikke navngivne deltagere', count: suppressCount(a.uniqueParticipants, t) },
      { label: 'Tilmeldinger påbegyndt', count: suppressCount(a.enrolmentsStarted, t) },
      { label: 'Tilmeldinger afsluttet', count: enrolmentsEnded.total },
      { label: 'Praktikforløb påbegyndt', count: suppressCount(a.internshipsStarted, t) },
      { label: 'Praktikforløb afsluttet', count: internships.whole },
      { label: 'Heraf gået i job', count: internships.part },
    ],
    tables: [...visits.tables, countTable(sessionsDef, sessionCells, plain(a.sessions)), ...enrolmentsEnded.tables],
  };
}

export function referralsModel(r: ReferralsResult, t: number): CountTable {
  return ownTotalTable(TABLES.referralStatus, r.byStatus, t);
}
