import { outreachModel, smallJobsModel } from './other-people-model';

const shown = (section: { figures: { label: string; count: { display: string } }[] }) => Object.fromEntries(section.figures.map((f) => [f.label, f.count.display]));

describe('the småjobs and outreach sections of the exports', () => {
  it('prints "heraf 30-64 år" exactly as its cell in the age table, hidden with it to protect the small 18-29', () => {
    const model = smallJobsModel({ started: 12, ended: 6, byAgeGroup: { '18-29': 3, '30-64': 9 }, byOutcome: { more_hours: 6 } }, 5);
    expect(shown(model)).toEqual({ 'Småjobs påbegyndt': '12', 'Heraf 30-64 år ved start': 'skjult', 'Småjobs afsluttet': '6' });
    expect(model.tables[0].rows.map((r) => [r.label, r.count.display])).toEqual([
      ['18-29 år', '<5'],
      ['30-64 år', 'skjult'],
    ]);
  });

  it('hides "talte med den unge" when a cell it adds up is hidden, so "ikke hjemme" cannot be worked out', () => {
    const hidden = outreachModel({ attempts: 40, talked: 37, offersAccepted: 10, byOutcome: { not_home: 3, talked: 20, offer_accepted: 10, declined: 7 } }, 5);
    expect(shown(hidden)['Talte med den unge']).toBe('skjult');
    const all = outreachModel({ attempts: 40, talked: 30, offersAccepted: 10, byOutcome: { not_home: 10, talked: 13, offer_accepted: 10, declined: 7 } }, 5);
    expect(shown(all)).toEqual({ 'Besøg ved døren': '40', 'Talte med den unge': '30', 'Tog imod et tilbud': '10' });
  });
});
