import { AGE_BANDS, LABELS, type Counts, type HalfYearResult } from '../half-year-result';
import { assertThreshold, hiddenLabel, isSmallCount, SECONDARY_LABEL, suppress1d, suppressCount, type ShownCount } from '../suppression';
import { dateTimeText, halfLabel, isCountUnit, isShareUnit, percentText, periodText, readableNumber } from './format';

/** What the exporters need besides the result. `threshold` is the plan's suppression threshold. */
export interface ExportMeta {
  planName: string;
  version: number;
  createdAt: Date;
  threshold: number;
}

/** A headline figure. Counts of residents are suppressed; other figures (targets, employers) are not. */
export interface Figure {
  label: string;
  count: ShownCount;
}

export interface TableRow {
  label: string;
  count: ShownCount;
  /** The row's share of the table total; null when the row or the total is hidden. */
  share: number | null;
}

/** A one-way count table after suppression, with its total ("I alt"). */
export interface CountTable {
  /** Short name used as the CSV section and the category column header, e.g. "Emne". */
  section: string;
  /** Heading for people, e.g. "Rådgivninger fordelt på emne". */
  title: string;
  /** Header of the category column, e.g. "Emne", "Kanal". */
  categoryHeader: string;
  rows: TableRow[];
  total: ShownCount;
}

export interface ShareFigure {
  label: string;
  /** The share (0..1) when it may be shown, else null. */
  value: number | null;
  display: string;
  suppressed: boolean;
}

export interface IndicatorRow {
  goal: string;
  indicator: string;
  unit: string;
  isShare: boolean;
  baseline: number | null;
  baselineYear: number | null;
  target: number | null;
  /** The value when it may be shown; null when unknown or hidden (see `valueDisplay`). */
  value: number | null;
  valueSuppressed: boolean;
  valueDisplay: string;
  dataSource: string;
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
  indicators: IndicatorRow[];
  /** One or two sentences on how small counts are hidden, for under the key figures. */
  disclosure: string;
  /** "Om rapporten": label → text. */
  about: [string, string][];
}

export const TOTAL_LABEL = 'I alt';
export const NO_VALUE = '–';

/** A figure that is not about residents (a target, a number of employers): shown as it is. */
function plain(value: number): ShownCount {
  return { value, suppressed: false, reason: null, display: String(value) };
}

function ageLabel(band: string): string {
  return band === 'unknown' ? 'Ukendt' : `${band} år`;
}

/** Known keys in the labels' order, then any others in the order the result gave them. */
function orderedKeys(counts: Counts, order: readonly string[]): string[] {
  const keys = Object.keys(counts);
  return [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
}

interface TableDef {
  section: string;
  title: string;
  categoryHeader?: string;
  labels?: Record<string, string>;
  /** For keys that are not in `labels`. */
  labelOf?: (key: string) => string;
  order?: readonly string[];
}

function countTable({ section, title, categoryHeader, labels, labelOf, order }: TableDef, counts: Counts, threshold: number): CountTable {
  const keys = orderedKeys(counts, order ?? Object.keys(labels ?? {}));
  const suppressed = suppress1d(keys.map((key) => ({ key, value: counts[key] })), threshold);
  const total = suppressed.total as ShownCount;
  const label = (key: string) => labels?.[key] ?? labelOf?.(key) ?? key;
  return {
    section,
    title,
    categoryHeader: categoryHeader ?? section,
    rows: suppressed.cells.map((c) => ({
      label: label(c.key),
      count: c,
      share: c.suppressed || total.suppressed || total.value === 0 ? null : c.value / total.value,
    })),
    total,
  };
}

/**
 * The ordinary-job share would give away a hidden count (6 to ordinary job, share 75 % means 2
 * ended), so it is hidden whenever either part is a small count.
 */
function ordinaryJobShare(result: HalfYearResult, threshold: number): ShareFigure {
  const { toOrdinaryJob, ended, ordinaryJobShare: share } = result.jobProgrammes;
  const label = 'Andel i ordinært fritidsjob';
  if (share === null) return { label, value: null, display: NO_VALUE, suppressed: false };
  if (isSmallCount(toOrdinaryJob, threshold) || isSmallCount(ended, threshold)) {
    return { label, value: null, display: SECONDARY_LABEL, suppressed: true };
  }
  return { label, value: share, display: percentText(share), suppressed: false };
}

function indicatorRows(result: HalfYearResult, threshold: number): IndicatorRow[] {
  return result.indicators.map((i) => {
    const isShare = isShareUnit(i.unit);
    const hide = i.value !== null && isCountUnit(i.unit) && Number.isInteger(i.value) && isSmallCount(i.value, threshold);
    const shownValue = hide ? null : i.value;
    let valueDisplay = NO_VALUE;
    if (hide) valueDisplay = hiddenLabel(threshold);
    else if (shownValue !== null) valueDisplay = isShare ? percentText(shownValue) : readableNumber(shownValue);
    return {
      goal: i.goal,
      indicator: i.indicator,
      unit: i.unit,
      isShare,
      baseline: i.baseline,
      baselineYear: i.baselineYear,
      target: i.target,
      value: shownValue,
      valueSuppressed: hide,
      valueDisplay,
      dataSource: i.dataSource,
    };
  });
}

function disclosureText(t: number): string {
  if (t <= 1) return 'Ingen tal er skjult (tærsklen er 1).';
  const range = t === 2 ? '1' : `1-${t - 1}`;
  return `Antal på ${range} vises som "${hiddenLabel(t)}", så ingen beboer kan genkendes. "${SECONDARY_LABEL}" er et tal, der også er skjult, så et "${hiddenLabel(t)}" ikke kan regnes ud fra totalen.`;
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
      ['Diskretionering', `Antal på ${range} vises som "${hiddenLabel(t)}", så ingen beboer kan genkendes. 0 vises som 0.`],
      [`"${SECONDARY_LABEL}"`, `Et tal, der også er skjult, så et "${hiddenLabel(t)}" ikke kan regnes ud fra totalen. Det kan være større end ${t - 1}.`],
    );
  } else {
    rows.push(['Diskretionering', 'Ingen (tærsklen er 1).']);
  }
  rows.push(['Andele', 'Andele i tabellerne er beregnet af de viste tal og totalen ("I alt").']);
  return rows;
}

/** Everything the exporters show, suppressed once, so CSV, XLSX and PDF always agree. */
export function buildReportModel(result: HalfYearResult, meta: ExportMeta): ReportModel {
  const t = meta.threshold;
  assertThreshold(t);
  const c = result.counselling;
  const j = result.jobProgrammes;
  const count = (label: string, value: number): Figure => ({ label, count: suppressCount(value, t) });
  const periodLabel = halfLabel(result.period.year, result.period.half);
  const started = suppressCount(j.started, t);

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
    counselling: {
      figures: [
        count('Rådgivninger påbegyndt', c.casesStarted),
        count('Aktive rådgivninger', c.casesActive),
        count('Afsluttede rådgivninger', c.casesClosed),
        count('Kontakter', c.contacts),
        count('Unikke beboere (inkl. anonyme)', c.uniqueResidents),
        count('Heraf anonyme', c.anonymousResidents),
      ],
      tables: [
        countTable({ section: 'Emne', title: 'Rådgivninger fordelt på emne', labels: LABELS.topics }, c.byTopic, t),
        countTable({ section: 'Form', title: 'Rådgivninger fordelt på form', labels: LABELS.forms }, c.byForm, t),
        countTable({ section: 'Boligområde', title: 'Rådgivninger fordelt på boligområde' }, c.byHousingArea, t),
        countTable({ section: 'Aldersgruppe', title: 'Rådgivninger fordelt på aldersgruppe', order: AGE_BANDS, labelOf: ageLabel }, c.byAgeBand, t),
        countTable({ section: 'Køn', title: 'Rådgivninger fordelt på køn', labels: LABELS.genders }, c.byGender, t),
        countTable(
          { section: 'Kontakter fordelt på kanal', title: 'Kontakter fordelt på kanal', categoryHeader: 'Kanal', labels: LABELS.channels },
          c.contactsByChannel,
          t,
        ),
        countTable(
          { section: 'Henvisninger fordelt på modtager', title: 'Henvisninger fordelt på modtager', categoryHeader: 'Modtager' },
          c.referralsByRecipient,
          t,
        ),
      ],
    },
    jobProgrammes: {
      figures: [
        { label: 'Forløb påbegyndt', count: started },
        { label: 'Mål for påbegyndte forløb pr. år', count: plain(j.targetPerYear) },
        count('Afsluttet før tid', j.ended),
        count('Fortsat i ordinært fritidsjob', j.toOrdinaryJob),
        { label: 'Aktive virksomheder', count: plain(j.employersActive) },
        { label: 'Nye virksomhedsaftaler', count: plain(j.newAgreements) },
      ],
      started,
      targetPerYear: j.targetPerYear,
      phases: countTable(
        { section: 'Fase ved periodens udgang', title: 'Fritidsjobforløb fordelt på fase ved periodens udgang', categoryHeader: 'Fase', labels: LABELS.phases },
        j.byPhaseAtEnd,
        t,
      ),
      ordinaryJobShare: ordinaryJobShare(result, t),
    },
    consents: [
      count('Samtykker givet', result.consents.given),
      count('Samtykker trukket tilbage', result.consents.withdrawn),
      count('Aktive samtykker ved periodens udgang', result.consents.activeAtEnd),
    ],
    indicators: indicatorRows(result, t),
  };
  return { ...model, about: aboutRows(model) };
}

/** `halvaarsstatistik-2026-H1-v2` (without extension). */
export function baseFileName(result: HalfYearResult, meta: Pick<ExportMeta, 'version'>): string {
  return `halvaarsstatistik-${result.period.year}-H${result.period.half}-v${meta.version}`;
}
