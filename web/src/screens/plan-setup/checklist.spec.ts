import { checklistItems } from './checklist';

const status = (over: Partial<Parameters<typeof checklistItems>[0]> = {}) =>
  ({
    plan: { id: 'p', name: 'Plan', municipality: 'Varde', validFrom: '2026-01-01', validTo: '2029-12-31', guardianConsentBelowAge: 15, version: 1, createdAt: '2026-01-01T00:00:00Z' },
    housingAreas: 0,
    organisations: 0,
    staff: 0,
    pendingInvitations: 0,
    settingsSaved: false,
    activities: 0,
    indicators: 0,
    ...over,
  }) as Parameters<typeof checklistItems>[0];

describe("the leader's checklist", () => {
  it('has every item missing for a new plan, each linking to where it is done', () => {
    const items = checklistItems(status());
    expect(items.map((i) => [i.key, i.done, i.to])).toEqual([
      ['areas', false, '/plan/omraader'],
      ['organisations', false, '/plan/organisationer'],
      ['staff', false, '/personale'],
      ['settings', false, '/plan/indstillinger'],
      ['activities', false, '/aktiviteter'],
      ['indicators', false, '/indikatorer'],
    ]);
    expect(items[0].detail).toMatch(/administrator/);
  });

  it('counts staff as done only once someone has accepted, and says how many invitations wait', () => {
    const waiting = checklistItems(status({ pendingInvitations: 2 })).find((i) => i.key === 'staff')!;
    expect([waiting.done, waiting.detail]).toEqual([false, 'Ingen medarbejdere endnu; 2 invitationer venter.']);
    const one = checklistItems(status({ staff: 1, pendingInvitations: 1 })).find((i) => i.key === 'staff')!;
    expect([one.done, one.detail]).toEqual([true, '1 medarbejder, 1 invitation venter']);
  });

  it('marks the settings done once they are saved', () => {
    expect(checklistItems(status({ settingsSaved: true })).find((i) => i.key === 'settings')!.done).toBe(true);
  });
});
