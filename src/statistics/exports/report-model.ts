import { AGE_BANDS, LABELS, type HalfYearResult } from '../half-year-result';
import {
  assertThreshold,
  hiddenLabel,
  isSmallDifference,
  SECONDARY_LABEL,
  suppressBreakdowns,
  suppressCount,
  suppressPart,
  type ShownCount,
} from '../suppression';
import { dateTimeText, halfLabel, NO_VALUE, percentText, periodText } from './format';
import { indicatorRows, type IndicatorRow, type PrintedFigure } from './indicator-rows';
import { activitiesModel, referralsModel, type ActivitiesModel } from './activities-model';
import { volunteersModel, type VolunteersModel } from './volunteers-model';
import { jobcentreModel, type JobcentreModel } from './jobcentre-model';
import { employersModel } from './employers-model';
import { outreachModel, smallJobsModel, type ExtraSection } from './other-people-model';
import { breakdownTables, countTable, ownTotalTable, plain, tableCells, type CountTable, type Figure, type TableDef } from './count-tables';

export type { IndicatorRow } from './indicator-rows';
export { TOTAL_LABEL, type CountTable, type Figure, type TableRow } from './count-tables';
export { NO_VALUE } from './format';

/** What the exporters need besides the result. `threshold` is the plan's suppression threshold. */
export interface ExportMeta {
  planName: string;
  version: number;
  createdAt: Date;
  threshold: number;
}

export interface ShareFigure {
  label: string;
  /** The share (0..1) when it may be shown, else null. */
  value: number | null;
  display: string;
  suppressed: boolean;
}

export interface ReportModel {
  title: string;
  planName: string;
  periodLabel: string;
  periodText: string;
  createdText: string;
  version: number;
  interim: boolean;
  statusText: string;
  threshold: number;
  counselling: { figures: Figure[]; tables: CountTable[] };
  jobProgrammes: { figures: Figure[]; started: ShownCount; targetPerYear: number; phases: CountTable; ordinaryJobShare: ShareFigure };
  consents: Figure[];
  /** Absent (null) in snapshots from before activities and referral follow-up were recorded. */
  activities: ActivitiesModel | null;
  referrals: CountTable | null;
  /** Absent (null) in snapshots from before volunteers were recorded. */
  volunteers: VolunteersModel | null;
  /** The job centre's caseload; absent (null) in snapshots from before it was recorded. */
  jobcentre: JobcentreModel | null;
  /** The employer register's figures; absent (null) in snapshots from before it. */
  employers: Figure[] | null;
  /** Sections after the activities (småjobs, outreach), each printed the same way by every exporter; a section absent from an older snapshot is left out. */
  extraSections: ExtraSection[];
  indicators: IndicatorRow[];
  /** One or two sentences on how small counts are hidden, for under the key figures. */
  disclosure: string;
  /** "Om rapporten": label → text. */
  about: [string, string][];
}

function ageLabel(band: string): string {
  return band === 'unknown' ? 'Ukendt' : `${band} år`;
}

/**
 * A headline that repeats a cell of a table (programmes ended and the "Afsluttet før tid" phase)
 * is printed exactly as the cell, or "I alt" minus the other cells would give a hidden count.
 * Should the two ever differ, the headline is hidden whenever the cell is, to be safe.
 */
function sameAsCell(cell: ShownCount | undefined, value: number, threshold: number): ShownCount {
  if (cell?.value === value) return cell;
  if (cell?.suppressed) return { value, suppressed: true, reason: 'secondary', display: SECONDARY_LABEL };
  return suppressCount(value, threshold);
}

/**
 * The ordinary-job share would give away a hidden part (6 to an ordinary job and 75 % means 2
 * ended; with both hidden, it splits their sum from the phase table), so it is hidden whenever
 * either part is hidden, whether as a small count or to protect another phase.
 */
function ordinaryJobShare(share: number | null, toOrdinaryJob: ShownCount, ended: ShownCount): ShareFigure {
  const label = 'Andel i ordinært fritidsjob';
  if (share === null) return { label, value: null, display: NO_VALUE, suppressed: false };
  if (toOrdinaryJob.suppressed || ended.suppressed) return { label, value: null, display: SECONDARY_LABEL, suppressed: true };
  return { label, value: share, display: percentText(share), suppressed: false };
}

const printed = (value: number | null, shown: { suppressed: boolean; display: string }): PrintedFigure => ({ value, hidden: shown.suppressed, display: shown.display });

function disclosureText(t: number): string {
  if (t <= 1) return 'Ingen tal er skjult (tærsklen er 1).';
  const range = t === 2 ? '1' : `1-${t - 1}`;
  return `Antal på ${range} vises som "${hiddenLabel(t)}", så ingen beboer kan genkendes. "${SECONDARY_LABEL}" er et tal eller en andel, der også er skjult, så et "${hiddenLabel(t)}" ikke kan regnes ud fra totaler, andele eller andre tal i rapporten.`;
}

function aboutRows(m: Omit<ReportModel, 'about'>): [string, string][] {
  const t = m.threshold;
  const rows: [string, string][] = [
    ['Helhedsplan', m.planName],
    ['Periode', `${m.periodLabel}: ${m.periodText}`],
    ['Version', String(m.version)],
    ['Dannet', m.createdText],
    ['Status', m.statusText],
  ];
  if (t > 1) {
    const range = t === 2 ? '1' : `1-${t - 1}`;
    rows.push(
      [
        'Diskretionering',
        `Antal på ${range} vises som "${hiddenLabel(t)}", så ingen beboer kan genkendes. 0 vises som 0. Et tal, der står flere steder i rapporten (som nøgletal, i en tabel eller som indikator), vises ens alle steder.`,
      ],
      [
        `"${SECONDARY_LABEL}"`,
        `Et tal eller en andel, der også er skjult, så et "${hiddenLabel(t)}" ikke kan regnes ud fra totaler, andele eller andre tal i rapporten. Et skjult tal kan være større end ${t - 1}.`,
      ],
    );
  } else {
    rows.push(['Diskretionering', 'Ingen (tærsklen er 1).']);
  }
  rows.push(['Andele', 'Andele i tabellerne er beregnet af de viste tal og totalen ("I alt").']);
  return rows;
}

const TABLES = {
  topic: { section: 'Emne', title: 'Rådgivninger fordelt på emne', labels: LABELS.topics },
  form: { section: 'Form', title: 'Rådgivninger fordelt på form', labels: LABELS.forms },
  area: { section: 'Boligområde', title: 'Rådgivninger fordelt på boligområde' },
  ageBand: { section: 'Aldersgruppe', title: 'Rådgivninger fordelt på aldersgruppe', order: AGE_BANDS, labelOf: ageLabel },
  gender: { section: 'Køn', title: 'Rådgivninger fordelt på køn', labels: LABELS.genders },
  channel: { section: 'Kontakter fordelt på kanal', title: 'Kontakter fordelt på kanal', categoryHeader: 'Kanal', labels: LABELS.channels },
  recipient: { section: 'Henvisninger fordelt på modtager', title: 'Henvisninger fordelt på modtager', categoryHeader: 'Modtager' },
  phase: { section: 'Fase ved periodens udgang', title: 'Fritidsjobforløb fordelt på fase ved periodens udgang', categoryHeader: 'Fase', labels: LABELS.phases },
} satisfies Record<string, TableDef>;

/**
 * Counselling. The by-topic, form, area, age and gender tables all break down the cases started
 * (the headline "Rådgivninger påbegyndt"), and contacts by channel break down "Kontakter": each
 * headline is suppressed with its tables, as one figure.
 */
function counsellingSection(c: HalfYearResult['counselling'], t: number) {
  // The plan's own topics by the labels stored with the snapshot; built-in topics always by theirs.
  const topics: TableDef = { ...TABLES.topic, labelOf: (key) => c.topicLabels?.[key] ?? key };
  const cases = breakdownTables(
    [
      [topics, c.byTopic],
      [TABLES.form, c.byForm],
      [TABLES.area, c.byHousingArea],
      [TABLES.ageBand, c.byAgeBand],
      [TABLES.gender, c.byGender],
    ],
    c.casesStarted,
    t,
  );
  const contacts = breakdownTables([[TABLES.channel, c.contactsByChannel]], c.contacts, t);
  const residents = suppressPart(c.anonymousResidents, c.uniqueResidents, t);
  return {
    section: {
      figures: [
        { label: 'Rådgivninger påbegyndt', count: cases.total },
        { label: 'Aktive rådgivninger', count: suppressCount(c.casesActive, t) },
        { label: 'Afsluttede rådgivninger', count: suppressCount(c.casesClosed, t) },
        { label: 'Kontakter', count: contacts.total },
        { label: 'Unikke beboere (inkl. anonyme)', count: residents.whole },
        { label: 'Heraf anonyme', count: residents.part },
      ],
      tables: [...cases.tables, ...contacts.tables, ownTotalTable(TABLES.recipient, c.referralsByRecipient, t)],
    },
    printed: {
      counselling_cases_started: printed(c.casesStarted, cases.total),
      counselling_unique_residents: printed(c.uniqueResidents, residents.whole),
    },
  };
}

/**
 * Job programmes. "Afsluttet før tid" and "Fortsat i ordinært fritidsjob" are programmes that
 * reached a final phase in the period, which the phase table shows again (final phases are never
 * left), so they are printed as its cells; the share is built from those two.
 *
 * Every programme started in the period is in the phase table too (its first phase begins when it
 * starts), so the table's "I alt" minus "Forløb påbegyndt" gives the programmes carried over from
 * earlier half-years. When those are few, the table's total is hidden rather than the number
 * started, which the plan's target and indicator are measured by.
 */
function jobProgrammesSection(j: HalfYearResult['jobProgrammes'], t: number) {
  const cells = tableCells(TABLES.phase, j.byPhaseAtEnd);
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  const suppressed = suppressBreakdowns([cells], total, t, { hideTotal: isSmallDifference(j.started, total, t) });
  const phases = countTable(TABLES.phase, suppressed.tables[0], suppressed.total);
  const phase = (key: string) => suppressed.tables[0].find((c) => c.key === key);
  const started = suppressCount(j.started, t);
  const ended = sameAsCell(phase('ended'), j.ended, t);
  const toOrdinaryJob = sameAsCell(phase('ordinary_job'), j.toOrdinaryJob, t);
  const share = ordinaryJobShare(j.ordinaryJobShare, toOrdinaryJob, ended);
  return {
    section: {
      figures: [
        { label: 'Forløb påbegyndt', count: started },
        { label: 'Mål for påbegyndte forløb pr. år', count: plain(j.targetPerYear) },
        { label: 'Afsluttet før tid', count: ended },
        { label: 'Fortsat i ordinært fritidsjob', count: toOrdinaryJob },
        { label: 'Aktive virksomheder', count: plain(j.employersActive) },
        { label: 'Nye virksomhedsaftaler', count: plain(j.newAgreements) },
      ],
      started,
      targetPerYear: j.targetPerYear,
      phases,
      ordinaryJobShare: share,
    },
    printed: {
      job_programmes_started: printed(j.started, started),
      ordinary_job_share: printed(j.ordinaryJobShare, share),
    },
  };
}

/** Everything the exporters show, suppressed once, so CSV, XLSX and PDF always agree. */
export function buildReportModel(result: HalfYearResult, meta: ExportMeta): ReportModel {
  const t = meta.threshold;
  assertThreshold(t);
  const count = (label: string, value: number): Figure => ({ label, count: suppressCount(value, t) });
  const periodLabel = halfLabel(result.period.year, result.period.half);
  const counselling = counsellingSection(result.counselling, t);
  const jobProgrammes = jobProgrammesSection(result.jobProgrammes, t);
  const volunteers = result.volunteers ? volunteersModel(result.volunteers, t) : null;
  const activeVolunteers = volunteers ? printed(result.volunteers!.activeVolunteers, volunteers.activeVolunteers) : printed(null, { suppressed: false, display: NO_VALUE });
  const smallJobs = result.smallJobs ? smallJobsModel(result.smallJobs, t) : null;

  const jobcentre = result.jobcentre ? jobcentreModel(result.jobcentre, t) : null;
  // A snapshot without the caseload has no indicator computed from it; hidden, to be safe, if one claims to be.
  const jobcentrePrinted = jobcentre
    ? { jobcentre_covered: printed(jobcentre.printed.covered.value, jobcentre.printed.covered.shown), jobcentre_activation_rate: printed(jobcentre.printed.activationRate.value, jobcentre.printed.activationRate) }
    : { jobcentre_covered: { value: null, hidden: true, display: SECONDARY_LABEL }, jobcentre_activation_rate: { value: null, hidden: true, display: SECONDARY_LABEL } };
  const model: Omit<ReportModel, 'about'> = {
    disclosure: disclosureText(t),
    title: `Halvårsstatistik ${periodLabel} – ${meta.planName}`,
    planName: meta.planName,
    periodLabel,
    periodText: periodText(result.period.from, result.period.to),
    createdText: dateTimeText(meta.createdAt),
    version: meta.version,
    interim: result.period.interim,
    statusText: result.period.interim ? 'Foreløbig – perioden er ikke afsluttet' : 'Endelig',
    threshold: t,
    counselling: counselling.section,
    jobProgrammes: jobProgrammes.section,
    consents: [
      count('Samtykker givet', result.consents.given),
      count('Samtykker trukket tilbage', result.consents.withdrawn),
      count('Aktive samtykker ved periodens udgang', result.consents.activeAtEnd),
    ],
    activities: result.activities ? activitiesModel(result.activities, t) : null,
    referrals: result.referrals ? referralsModel(result.referrals, t) : null,
    volunteers,
    jobcentre,
    employers: result.employers ? employersModel(result.employers) : null,
    extraSections: [...(smallJobs ? [smallJobs] : []), ...(result.outreach ? [outreachModel(result.outreach, t)] : [])],
    // An indicator computed from a figure above is that figure again: shown only as it is shown.
    indicators: indicatorRows(
      result.indicators,
      {
        ...counselling.printed,
        ...jobProgrammes.printed,
        ...jobcentrePrinted,
        active_volunteers: activeVolunteers,
        small_jobs_started_30_64: smallJobs ? printed(result.smallJobs!.byAgeGroup['30-64'] ?? 0, smallJobs.aged30to64) : { value: null, hidden: false, display: NO_VALUE },
      },
      t,
    ),
  };
  return { ...model, about: aboutRows(model) };
}

/** `halvaarsstatistik-2026-H1-v2` (without extension). */
export function baseFileName(result: HalfYearResult, meta: Pick<ExportMeta, 'version'>): string {
  return `halvaarsstatistik-${result.period.year}-H${result.period.half}-v${meta.version}`;
}
