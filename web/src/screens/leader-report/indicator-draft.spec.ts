import { addBody, changes, draftOf, emptyDraft, parseDraft } from './indicator-draft';
import type { Indicator } from './leader-report-api';

const indicator: Indicator = {
  id: '00000000-0000-4000-8000-000000000001',
  goal: 'Flere unge trives i skolen',
  indicator: 'Andel elever i trivsel',
  unit: 'procent',
  description: null,
  baseline: 61.25,
  baselineYear: 2024,
  baselineSource: null,
  dataSource: 'Trivselsmålingen',
  target: 75,
  targetYear: 2029,
  targetKind: 'level',
  metric: 'ordinary_job_share',
  version: 3,
};

describe('the indicator form as a leader fills it in', () => {
  it('reads a new indicator with a decimal comma and leaves the empty fields out, so the API picks the target kind', () => {
    const { values, errors } = parseDraft({ ...emptyDraft, goal: ' Delmål ', indicator: 'Antal', unit: 'unge pr. år', dataSource: 'Registreringer', baseline: '12,5', baselineYear: '2024', target: '1.234,5' });
    expect(errors).toEqual({});
    expect(addBody(values)).toEqual({ goal: 'Delmål', indicator: 'Antal', unit: 'unge pr. år', dataSource: 'Registreringer', baseline: 12.5, baselineYear: 2024, target: 1234.5 });
  });

  it('says at each field what is wrong, in Danish', () => {
    const { errors } = parseDraft({ ...emptyDraft, indicator: 'Antal', unit: 'x', dataSource: 'y', baseline: '0.5', baselineYear: '2030', targetYear: '2029', target: '0,12345' });
    expect(errors).toEqual({
      goal: 'Udfyld delmål.',
      baseline: 'Skriv et tal med højst fire decimaler, fx 12 eller 0,42.',
      target: 'Skriv et tal med højst fire decimaler, fx 12 eller 0,42.',
      targetYear: 'Målåret ligger før baselineåret.',
    });
    expect(parseDraft({ ...emptyDraft, baselineYear: '24' }).errors.baselineYear).toBe('Skriv et årstal mellem 1990 og 2100.');
  });

  it('sends only what changed, null for what was emptied, and never the metric', () => {
    const draft = draftOf(indicator);
    expect(draft.baseline).toBe('61,25');
    expect(changes(indicator, parseDraft(draft).values)).toEqual({});
    expect(changes(indicator, parseDraft({ ...draft, target: '80', baseline: '', baselineYear: '', metric: '' }).values)).toEqual({ target: 80, baseline: null, baselineYear: null });
  });
});
