import type { ReferralPeople } from './referral-follow-up.repository';
import type { ReferralStatusChange } from './referral-status-change.entity';
import { statusChangeView, writtenByReader } from './referral-follow-up-views';

const people: ReferralPeople = {
  users: new Map([
    ['jonas', { name: 'Jonas Jobcenter', organisationId: 'jobcentre' }],
    ['jette', { name: 'Jette Jobcenter', organisationId: 'jobcentre' }],
    ['camilla', { name: 'Camilla Rådgiver', organisationId: null }],
  ]),
  organisations: new Map([['jobcentre', 'Center for Beskæftigelse og Erhverv']]),
};
const change = (changedBy: string, note: string): ReferralStatusChange => ({ id: 'c', planId: 'p', referralId: 'f', fromStatus: 'sent', toStatus: 'accepted', note, changedBy, changedAt: new Date('2026-12-07T13:05:00Z') });
const jonas = { userId: 'jonas', organisationId: 'jobcentre' };

describe("a referral's notes as the follow-up's readers see them", () => {
  it("gives the job centre back its own notes, Jonas's and his colleague's, though the consent shares no notes", () => {
    expect(statusChangeView(change('jonas', 'Samtale aftalt'), false, people, jonas).note).toBe('Samtale aftalt');
    expect(statusChangeView(change('jette', 'Helle er i praktik'), false, people, jonas)).toMatchObject({ note: 'Helle er i praktik', changedByName: 'Jette Jobcenter' });
  });

  it("withholds the counsellor's note from the job centre unless the consent shares notes", () => {
    expect(statusChangeView(change('camilla', 'Helle har fundet praktik selv'), false, people, jonas).note).toBeNull();
    expect(statusChangeView(change('camilla', 'Helle har fundet praktik selv'), true, people, jonas).note).toBe('Helle har fundet praktik selv');
  });

  it('counts a note as the reader\'s own only by the reader or their organisation, never by two readers without one', () => {
    expect(writtenByReader('camilla', people, { userId: 'camilla', organisationId: null })).toBe(true);
    expect(writtenByReader('camilla', people, { userId: 'rasmus', organisationId: null })).toBe(false);
    expect(writtenByReader('someone-gone', people, jonas)).toBe(false);
  });
});
