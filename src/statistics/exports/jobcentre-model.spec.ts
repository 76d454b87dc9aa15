import { jobcentreFigures } from '../../jobcentre/jobcentre-figures';
import { jobcentreModel } from './jobcentre-model';

describe("the report's job-centre section as exported", () => {
  it('prints the covered with their target groups, the active as a part, and the activation rate in Danish', () => {
    const m = jobcentreModel(jobcentreFigures({ covered: 20, active: 10, started: 6, byTargetGroup: { '6.3': 12, '6.5': 8 }, endedByReason: { job: 5, education: 5 } }), 5);
    expect(m.figures.map((f) => [f.label, f.count.display])).toEqual([
      ['Borgere omfattet af det fremskudte jobcenter', '20'],
      ['Heraf aktive i mindst ét kvartal', '10'],
      ['Forløb påbegyndt', '6'],
      ['Forløb afsluttet', '10'],
    ]);
    expect(m.activationRate).toMatchObject({ label: 'Aktiveringsgrad', value: 0.5, suppressed: false });
    expect(m.tables.map((t) => t.title)).toEqual(['Borgere omfattet af det fremskudte jobcenter fordelt på målgruppe', 'Afsluttede jobcenterforløb fordelt på afslutningsårsag']);
    expect(m.tables[0].rows.find((r) => r.label.startsWith('6.3'))?.count.display).toBe('12');
  });

  it('hides small counts, the rate built on them, and a cell that the total would give away', () => {
    const m = jobcentreModel(jobcentreFigures({ covered: 12, active: 9, started: 2, byTargetGroup: { '6.3': 10, '6.7': 2 }, endedByReason: {} }), 5);
    expect(m.figures[1].count.display).toBe('skjult');
    expect(m.figures[2].count.display).toBe('<5');
    expect(m.activationRate).toMatchObject({ value: null, display: 'skjult', suppressed: true });
    const groups = m.tables[0].rows;
    expect(groups.find((r) => r.label.startsWith('6.7'))?.count.display).toBe('<5');
    expect(groups.find((r) => r.label.startsWith('6.3'))?.count.suppressed).toBe(true);
  });
});
