import { LABELS, type VolunteersResult } from '../half-year-result';
import { SECONDARY_LABEL, suppressCount, suppressPart, type ShownCount } from '../suppression';
import { breakdownTables, type CountTable, type Figure, type TableDef } from './count-tables';

export interface VolunteersModel {
  figures: Figure[];
  tables: CountTable[];
  /** The figure the indicator "active volunteers" repeats, as it is printed here. */
  activeVolunteers: ShownCount;
}

const TOPICS = {
  section: 'Frivilliges hjælp fordelt på emne',
  title: 'Frivilliges hjælp fordelt på emne',
  categoryHeader: 'Emne',
  labels: LABELS.volunteerTopics,
} satisfies TableDef;

/**
 * Volunteers' help (issue 23). Each entry is a time a resident was helped, so entries are
 * suppressed like people, the total with its breakdown by topic as one figure; escorts are a part
 * of the entries, hidden too whenever the entries are (or the difference would give them away).
 * Active volunteers are people as well and suppressed on their own.
 */
export function volunteersModel(v: VolunteersResult, t: number): VolunteersModel {
  const topics: TableDef = { ...TOPICS, labelOf: (key) => v.topicLabels?.[key] ?? key };
  const entries = breakdownTables([[topics, v.byTopic]], v.entries, t);
  const escortPart = suppressPart(v.escorts, v.entries, t).part;
  const escorts: ShownCount =
    entries.total.suppressed && !escortPart.suppressed ? { value: v.escorts, suppressed: true, reason: 'secondary', display: SECONDARY_LABEL } : escortPart;
  const activeVolunteers = suppressCount(v.activeVolunteers, t);
  return {
    figures: [
      { label: 'Aktive frivillige', count: activeVolunteers },
      { label: 'Gange hjulpet af frivillige', count: entries.total },
      { label: 'Heraf med følge til en aftale', count: escorts },
    ],
    tables: entries.tables,
    activeVolunteers,
  };
}
