import { volunteersModel } from './volunteers-model';

const shown = (figures: { label: string; count: { display: string } }[], label: string) => figures.find((f) => f.label === label)?.count.display;

describe('the volunteers in the exported report', () => {
  it('shows the counts with Danish labels when none is small', () => {
    const m = volunteersModel({ activeVolunteers: 6, entries: 40, byTopic: { letters: 25, mitid: 15 }, escorts: 12, topicLabels: {} }, 5);
    expect(shown(m.figures, 'Aktive frivillige')).toBe('6');
    expect(shown(m.figures, 'Gange hjulpet af frivillige')).toBe('40');
    expect(shown(m.figures, 'Heraf med følge til en aftale')).toBe('12');
    expect(m.tables[0].rows.map((r) => r.label)).toEqual(expect.arrayContaining(['Breve fra myndigheder', 'MitID']));
  });

  it('hides small counts of volunteers, entries and escorts, and escorts whenever the entries are hidden', () => {
    const m = volunteersModel({ activeVolunteers: 2, entries: 3, byTopic: { letters: 2, tax: 1 }, escorts: 2, topicLabels: { tax: 'Skat' } }, 5);
    expect(shown(m.figures, 'Aktive frivillige')).toBe('<5');
    expect(shown(m.figures, 'Gange hjulpet af frivillige')).toBe('<5');
    expect(m.figures.find((f) => f.label === 'Heraf med følge til en aftale')?.count.suppressed).toBe(true);
    expect(m.activeVolunteers.suppressed).toBe(true);
  });

  it('hides escorts when the entries without an escort are few, so the difference gives nothing away', () => {
    const m = volunteersModel({ activeVolunteers: 8, entries: 30, byTopic: { letters: 30 }, escorts: 28, topicLabels: {} }, 5);
    expect(shown(m.figures, 'Gange hjulpet af frivillige')).toBe('30');
    expect(m.figures.find((f) => f.label === 'Heraf med følge til en aftale')?.count.suppressed).toBe(true);
  });
});
