import type { TargetBasis } from './indicator-targets';
import type { TargetKind } from './plan-indicator.entity';

/** Danish labels for indicators in the half-year report's exports: the one source of these words. */
export const TARGET_BASIS_LABELS: Record<TargetBasis, string> = {
  half_of_yearly: 'Mål (halvdelen af årsmålet)',
  half_yearly: 'Mål (halvårsmål)',
  twice_quarterly: 'Mål (to kvartalsmål)',
  level: 'Mål (niveau for perioden)',
  yearly_unscaled: 'Årsmål (hele året)',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  yearly: 'Antal pr. år',
  half_yearly: 'Antal pr. halvår',
  quarterly: 'Antal pr. kvartal',
  level: 'Niveau der skal nås',
};

/** The indicator table's column headings, in every export. */
export const INDICATOR_COLUMN_LABELS = {
  goal: 'Målsætning',
  indicator: 'Indikator',
  unit: 'Enhed',
  baseline: 'Baseline',
  baselineYear: 'Baselineår',
  target: (period: string) => `Mål ${period}`,
  value: (period: string) => `Værdi ${period}`,
  targetBasis: 'Målets grundlag',
  dataSource: 'Datakilde',
} as const;

/** "Mål (halvdelen af årsmålet): 18 pr. år", or just the basis when there is no yearly target to name. */
export function targetBasisText(basis: TargetBasis, yearlyTarget: string | null, targetYear: number | null): string {
  const label = TARGET_BASIS_LABELS[basis];
  if (basis === 'half_of_yearly' && yearlyTarget !== null) return `${label}: årsmål ${yearlyTarget}`;
  if (basis === 'level' && targetYear !== null) return `${label}, mål for ${targetYear}`;
  return label;
}
