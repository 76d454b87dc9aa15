import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES } from '../../outreach/outreach-rules';
import { SMALL_JOB_AGE_GROUP_LABELS, SMALL_JOB_AGE_GROUPS, SMALL_JOB_OUTCOME_LABELS, SMALL_JOB_OUTCOMES } from '../../small-jobs/small-job-rules';
import type { OutreachResult, SmallJobsResult } from '../half-year-result';
import { SECONDARY_LABEL, suppressCount, type ShownCount } from '../suppression';
import { breakdownTables, type CountTable, type Figure, type TableDef } from './count-tables';

/** A section of the report beyond the core ones, as every exporter prints it: a title (the XLSX sheet), headline figures, tables. */
/** The småjobs section and the figure the 30-64 indicator repeats (null: the snapshot has no småjobs). */
export interface SmallJobsSection extends ExtraSection {
  aged30to64: ShownCount;
}

export interface ExtraSection {
  title: string;
  figures: Figure[];
  tables: CountTable[];
}

const TABLES = {
  smallJobAges: { section: 'Småjobs fordelt på alder', title: 'Påbegyndte småjobs fordelt på alder ved start', categoryHeader: 'Aldersgruppe', labels: SMALL_JOB_AGE_GROUP_LABELS, order: SMALL_JOB_AGE_GROUPS },
  smallJobOutcomes: { section: 'Småjobs fordelt på udfald', title: 'Afsluttede småjobs fordelt på udfald', categoryHeader: 'Udfald', labels: SMALL_JOB_OUTCOME_LABELS, order: SMALL_JOB_OUTCOMES },
  outreachOutcomes: { section: 'Opsøgende besøg fordelt på udfald', title: 'Opsøgende besøg ved døren fordelt på udfald', categoryHeader: 'Udfald', labels: ATTEMPT_OUTCOME_LABELS, order: ATTEMPT_OUTCOMES },
} satisfies Record<string, TableDef>;

const hiddenToProtect = (value: number): ShownCount => ({ value, suppressed: true, reason: 'secondary', display: SECONDARY_LABEL });

/** A headline that is one cell of a table is printed exactly as the cell (0 when the table has no such row). */
function asCell(table: CountTable, label: string, value: number, t: number): ShownCount {
  return table.rows.find((r) => r.label === label)?.count ?? suppressCount(value, t);
}

/**
 * Småjobs. The age groups break down those started and the outcomes those ended, each table
 * suppressed with its headline; "heraf 30-64 år" (003_*'s indicator group) is that table's cell.
 */
export function smallJobsModel(s: SmallJobsResult, t: number): SmallJobsSection {
  const started = breakdownTables([[TABLES.smallJobAges, s.byAgeGroup]], s.started, t);
  const ended = breakdownTables([[TABLES.smallJobOutcomes, s.byOutcome]], s.ended, t);
  const aged30to64 = asCell(started.tables[0], SMALL_JOB_AGE_GROUP_LABELS['30-64'], s.byAgeGroup['30-64'] ?? 0, t);
  return {
    aged30to64,
    title: 'Småjobs',
    figures: [
      { label: 'Småjobs påbegyndt', count: started.total },
      { label: 'Heraf 30-64 år ved start', count: aged30to64 },
      { label: 'Småjobs afsluttet', count: ended.total },
    ],
    tables: [...started.tables, ...ended.tables],
  };
}

/**
 * Door-to-door outreach. "Talte med den unge" is the sum of every outcome but "Ikke hjemme", so it
 * would give back a hidden cell: it is shown only when the whole table is; "Tog imod et tilbud" is
 * that table's cell.
 */
export function outreachModel(o: OutreachResult, t: number): ExtraSection {
  const attempts = breakdownTables([[TABLES.outreachOutcomes, o.byOutcome]], o.attempts, t);
  const table = attempts.tables[0];
  const anyHidden = attempts.total.suppressed || table.rows.some((r) => r.count.suppressed);
  const small = suppressCount(o.talked, t);
  const talked = small.suppressed || !anyHidden ? small : hiddenToProtect(o.talked);
  return {
    title: 'Opsøgende arbejde',
    figures: [
      { label: 'Besøg ved døren', count: attempts.total },
      { label: 'Talte med den unge', count: talked },
      { label: 'Tog imod et tilbud', count: asCell(table, ATTEMPT_OUTCOME_LABELS.offer_accepted, o.offersAccepted, t) },
    ],
    tables: [table],
  };
}
