import type { IndicatorPeriodValue } from '../indicators/indicator-value.entity';
import type { PlanIndicator } from '../indicators/plan-indicator.entity';
import { indicatorSnapshot } from './indicator-snapshot';
import { SAMPLE_RESULT } from './sample-result';

const INTERNSHIPS: PlanIndicator = {
  id: 'i1',
  planId: 'p1',
  goal: 'Øge de voksnes tilknytning til arbejdsmarkedet',
  indicator: 'Antal voksne i praktik',
  unit: 'voksne',
  description: null,
  baseline: 10,
  baselineYear: 2024,
  baselineSource: null,
  dataSource: 'Jobcenteret',
  target: 18,
  targetYear: 2029,
  targetKind: 'yearly',
  metric: null,
  version: 1,
  createdAt: new Date('2026-01-05T10:00:00Z'),
};

const RECORDED: IndicatorPeriodValue = {
  id: 'v2',
  planId: 'p1',
  indicatorId: 'i1',
  period: '2026-H1',
  revision: 2,
  value: 7,
  source: 'Praktiklisten',
  note: 'Rettet',
  recordedBy: 'u1',
  recordedAt: new Date('2026-07-02T08:00:00Z'),
};

describe("an indicator in the half-year report's snapshot", () => {
  it('holds the baseline, the recorded H1 value with its correction and half of the yearly target', () => {
    expect(indicatorSnapshot(INTERNSHIPS, RECORDED, SAMPLE_RESULT)).toMatchObject({
      baseline: 10,
      target: 18,
      periodTarget: 9,
      targetBasis: 'half_of_yearly',
      value: 7,
      recordedValue: { source: 'Praktiklisten', note: 'Rettet', revision: 2, recordedAt: '2026-07-02T08:00:00.000Z' },
    });
  });

  it('has no value when none was recorded for the half-year', () => {
    expect(indicatorSnapshot(INTERNSHIPS, null, SAMPLE_RESULT)).toMatchObject({ value: null, recordedValue: null });
  });

  it('takes a computed indicator from the report itself, never from a recorded value', () => {
    const computed = { ...INTERNSHIPS, metric: 'job_programmes_started' as const };
    expect(indicatorSnapshot(computed, RECORDED, SAMPLE_RESULT)).toMatchObject({ value: SAMPLE_RESULT.jobProgrammes.started, recordedValue: null });
  });
});
