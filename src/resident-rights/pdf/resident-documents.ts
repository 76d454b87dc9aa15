import type { AccessLogEntry } from '../dto/resident-rights-response.dto';
import type { ResidentCopy } from '../resident-export.service';
import { accessLogTable, facts, renderDocument, section, table, type DocumentMeta } from './resident-pdf';

type Item = Record<string, unknown>;
const items = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);
/** The Danish words for an item's coded field, which the copy carries next to the code (document-labels.ts). */
const label = (item: Item | null | undefined, field: string): unknown => item?.[`${field}Label`] ?? null;

const ACCESS_LOG_INTRO =
  'Her kan du se, hvem der har set eller ændret dine oplysninger hos helhedsplanen, hvornår, hvad de gjorde, og hvorfor. ' +
  'Medarbejdere ser kun oplysninger, som deres arbejde kræver, og andre (fx kommunen) kun med dit samtykke.';

export function accessLogPdf(meta: Omit<DocumentMeta, 'title'>, log: AsyncIterable<AccessLogEntry[]>): Promise<Buffer> {
  return renderDocument({ ...meta, title: 'Hvem har set dine oplysninger' }, async (doc, flow) => {
    section(doc, flow, 'Adgang til dine oplysninger', ACCESS_LOG_INTRO);
    await accessLogTable(doc, flow, log);
  });
}

/** The resident's copy (GDPR Art. 15) in Danish: every section of the JSON export, for people. */
export function exportPdf(copy: ResidentCopy, meta: Omit<DocumentMeta, 'title'>): Promise<Buffer> {
  const h = copy.holdings;
  const r = (h.resident ?? {}) as Item;
  return renderDocument({ ...meta, title: 'Dine oplysninger hos helhedsplanen' }, async (doc, flow) => {
    section(doc, flow, 'Om dig', 'Det er alle de oplysninger, helhedsplanen har registreret om dig (databeskyttelsesforordningens artikel 15).');
    facts(doc, flow, undefined, [
      ['Fornavn', r.firstName],
      ['Efternavn', r.lastName],
      ['Pseudonym', r.pseudonym],
      ['Fødselsdato', r.birthDate],
      ['Fødselsår', r.birthYear],
      ['Køn', label(r, 'gender')],
      ['Telefon', r.phone],
      ['E-mail', r.email],
      ['Boligområde', r.housingArea],
      ['Registreret', r.registeredAt],
      ['Slettet', r.erasedAt],
      ['Slettet fordi', label(r, 'erasureReason')],
    ]);
    table(doc, flow, 'Forældre og værger', [['Navn', 3], ['Relation', 2], ['Telefon', 2], ['E-mail', 3]],
      items(h.guardians).map((g) => [g.name, label(g, 'relation'), g.phone, g.email]));

    section(doc, flow, 'Samtykker');
    table(doc, flow, 'Samtykker', [['Hvad', 3], ['Givet', 2], ['Udløber', 2], ['Modtagere', 3], ['Trukket tilbage', 2]],
      items(h.consents).map((k) => [label(k, 'scope'), k.givenAt, k.expiresAt, k.recipients, (k.withdrawal as Item | null)?.withdrawnAt ?? null]));

    if (items(h.counsellingCases).length > 0) {
      section(doc, flow, 'Rådgivning');
      for (const c of items(h.counsellingCases)) {
        facts(doc, flow, `Sag: ${String(label(c, 'topic'))}`, [
          ['Emne', c.subject],
          ['Form', label(c, 'form')],
          ['Oprettet', c.openedAt],
          ['Afsluttet', c.closedAt],
          ['Resultat', c.outcome],
        ]);
        table(doc, flow, 'Samtaler', [['Tidspunkt', 2], ['Kanal', 2], ['Minutter', 1], ['Note', 5]],
          items(c.contacts).map((k) => [k.occurredAt, label(k, 'channel'), k.durationMinutes, k.note]));
        table(doc, flow, 'Henvisninger', [['Tidspunkt', 2], ['Til', 3], ['Begrundelse', 3], ['Status', 2]],
          items(c.referrals).map((f) => [f.referredAt, f.organisation ?? f.recipientName, f.reason, label(f, 'status')]));
        table(doc, flow, 'Opfølgning på henvisninger', [['Tidspunkt', 2], ['Status', 2], ['Note', 6]],
          items(c.referrals).flatMap((f) => items(f.statusHistory).map((s) => [s.changedAt, label(s, 'to'), s.note])));
      }
    }

    if (items(h.jobProgrammes).length > 0) {
      section(doc, flow, 'Fritidsjob');
      for (const p of items(h.jobProgrammes)) {
        const employment = p.employment as Item | null;
        facts(doc, flow, `Forløb startet ${String(p.startedAt)}`, [
          ['Fase', label(p, 'phase')],
          ['Afsluttet', p.finishedAt],
          ['Begrundelse for afslutning', p.endReason],
          ['Arbejdsgiver', employment?.employer],
          ['Ansat fra', employment?.startDate],
          ['Ansat til', employment?.endDate],
          ['Timer om ugen', employment?.hoursPerWeek],
        ]);
        table(doc, flow, 'Faser', [['Tidspunkt', 2], ['Fra', 2], ['Til', 2], ['Begrundelse', 4]],
          items(p.transitions).map((t) => [t.occurredAt, label(t, 'from'), label(t, 'to'), t.reason]));
        table(doc, flow, 'Mulige job', [['Virksomhed', 4], ['Status', 3], ['Jobsamtale', 3]], items(p.matches).map((m) => [m.employer, label(m, 'status'), m.interviewAt]));
        table(doc, flow, 'Samtaler', [['Tidspunkt', 2], ['Slags', 2], ['Deltog', 2], ['Note', 4]], items(p.conversations).map((v) => [v.occurredAt, label(v, 'kind'), label(v, 'participants'), v.note]));
        table(doc, flow, 'Timer', [['Uge fra', 2], ['Timer', 1]], items(p.timesheets).map((s) => [s.weekStart, s.hours]));
      }
    }

    if (items(h.internships).length > 0) {
      section(doc, flow, 'Praktik');
      table(doc, flow, 'Praktikpladser', [['Virksomhed', 3], ['Fra', 2], ['Til', 2], ['Timer', 1], ['Henvist fra', 2], ['Resultat', 2]],
        items(h.internships).map((i) => [i.employer, i.startsOn, i.endedOn ?? i.endsOn, i.hoursPerWeek, label(i, 'referredFrom'), label(i, 'outcome')]));
    }

    if (items(h.jobcentreEnrolments).length > 0) {
      section(doc, flow, 'Jobcenterets fremskudte indsats');
      table(doc, flow, 'Forløb', [['Indsats', 3], ['Målgruppe', 3], ['Start', 2], ['Slut', 2], ['Afslutningsårsag', 2], ['Aktive kvartaler', 2]],
        items(h.jobcentreEnrolments).map((e) => [e.effort, label(e, 'targetGroup'), e.startedOn, e.endedOn, label(e, 'endReason'), ((e.activeQuarters ?? []) as string[]).join(', ')]));
      table(doc, flow, 'Kriterier', [['Indsats', 3], ['Opfyldte kriterier', 7]],
        items(h.jobcentreEnrolments).map((e) => [e.effort, label(e, 'criteriaMet')]));
    }

    if (items(h.smallJobs).length > 0) {
      section(doc, flow, 'Småjobs');
      table(doc, flow, 'Småjobs', [['Virksomhed', 4], ['Fra', 2], ['Slut', 2], ['Timer', 1], ['Resultat', 2]],
        items(h.smallJobs).map((j) => [j.employer, j.startsOn, j.endedOn, j.hoursPerWeek, label(j, 'outcome')]));
    }

    if (items(h.outreach).length > 0) {
      section(doc, flow, 'Opsøgende arbejde');
      for (const o of items(h.outreach)) {
        table(doc, flow, String(o.list ?? ''), [['Navn', 3], ['Adresse', 3], ['Født', 1], ['Fra', 3]], [[o.name, o.address, o.birthYear, o.source]]);
        table(doc, flow, 'Besøg', [['Tidspunkt', 3], ['Udfald', 3]], items(o.attempts).map((a) => [a.at, label(a, 'outcome')]));
      }
    }

    const activities = (h.activities ?? {}) as Item;
    if (items(activities.enrolments).length > 0 || items(activities.sessions).length > 0) {
      const kind = (a: Item) => label(a, 'kind');
      section(doc, flow, 'Aktiviteter');
      table(doc, flow, 'Tilmeldinger', [['Aktivitet', 3], ['Slags', 2], ['Start', 2], ['Slut', 2], ['Resultat', 2], ['Henvist fra', 2]],
        items(activities.enrolments).map((e) => [e.activity, kind(e), e.startedOn, e.endedOn, label(e, 'outcome'), label(e, 'referredFrom')]));
      table(doc, flow, 'Deltagelse', [['Aktivitet', 4], ['Slags', 2], ['Tidspunkt', 3]], items(activities.sessions).map((s) => [s.activity, kind(s), s.startsAt]));
    }

    section(doc, flow, 'Hvem har set dine oplysninger', ACCESS_LOG_INTRO);
    await accessLogTable(doc, flow, copy.accessLog);
  });
}
