import { danishInstant, danishMoment, occurrencesOn, slotContaining, slotProblems, withinDates } from './weekly-slots';

describe('weekly slots on the Danish wall clock', () => {
  const tuesdayEvening = [{ weekday: 2, start: '18:00', end: '23:59' }];

  it('puts a visit at 23:30 on 30 June Danish time in 30 June\'s slot, although it is 21:30 UTC', () => {
    const found = slotContaining(tuesdayEvening, new Date('2026-06-30T21:30:00Z'));
    expect(found?.date).toBe('2026-06-30');
    expect(found?.startsAt.toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('finds no slot for 00:30 on 1 July Danish time, although it is still 30 June in UTC', () => {
    expect(slotContaining(tuesdayEvening, new Date('2026-06-30T22:30:00Z'))).toBeUndefined();
  });

  it("reads Sønderborg's Monday 12-17 in winter and summer time alike", () => {
    const monday = [{ weekday: 1, start: '12:00', end: '17:00' }];
    expect(slotContaining(monday, new Date('2026-01-05T11:30:00Z'))?.startsAt.toISOString()).toBe('2026-01-05T11:00:00.000Z');
    expect(slotContaining(monday, new Date('2026-06-01T10:30:00Z'))?.startsAt.toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(slotContaining(monday, new Date('2026-06-01T09:59:00Z'))).toBeUndefined();
  });

  it('keeps a night slot across the spring change to summer time one session with the hours its clock shows', () => {
    // Sunday 29 March 2026: at 02:00 the clocks jump to 03:00.
    const night = [{ weekday: 7, start: '01:00', end: '04:00' }];
    const before = slotContaining(night, new Date('2026-03-29T00:30:00Z')); // 01:30 winter time
    const after = slotContaining(night, new Date('2026-03-29T01:30:00Z')); // 03:30 summer time
    expect(before?.startsAt.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(after?.startsAt.toISOString()).toBe(before?.startsAt.toISOString());
    expect(after?.endsAt.toISOString()).toBe('2026-03-29T02:00:00.000Z');
  });

  it('keeps a night slot across the autumn change one session, including the hour that happens twice', () => {
    // Sunday 25 October 2026: at 03:00 summer time the clocks go back to 02:00.
    const night = [{ weekday: 7, start: '01:00', end: '04:00' }];
    const first = slotContaining(night, new Date('2026-10-25T00:30:00Z')); // 02:30 summer time
    const second = slotContaining(night, new Date('2026-10-25T01:30:00Z')); // 02:30 winter time
    expect(first?.startsAt.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(second?.startsAt.toISOString()).toBe(first?.startsAt.toISOString());
    expect(second?.endsAt.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('reads a time the spring change skips as the moment a winter clock shows it', () => {
    expect(danishInstant('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(danishInstant('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('counts a visitor recorded at the minute the slot ends, unless the next slot starts then', () => {
    const back = [{ weekday: 1, start: '12:00', end: '14:00' }, { weekday: 1, start: '14:00', end: '17:00' }];
    expect(slotContaining(back, new Date('2026-01-05T13:00:00Z'))?.slot.start).toBe('14:00');
    expect(slotContaining([back[0]], new Date('2026-01-05T13:00:00Z'))?.slot.start).toBe('12:00');
  });

  it('gives the ISO weekday and minutes of the Danish wall clock', () => {
    expect(danishMoment(new Date('2026-03-01T23:15:00Z'))).toEqual({ date: '2026-03-02', weekday: 1, minutes: 15 });
  });

  it('refuses a slot that ends before it starts and slots that overlap on a weekday', () => {
    expect(slotProblems([{ weekday: 1, start: '17:00', end: '12:00' }]).map((p) => p.rule)).toEqual(['end_after_start']);
    expect(slotProblems([{ weekday: 3, start: '12:00', end: '15:00' }, { weekday: 3, start: '14:30', end: '17:00' }]).map((p) => p.rule)).toEqual(['no_overlap']);
    expect(slotProblems([{ weekday: 1, start: '12:00', end: '17:00' }, { weekday: 2, start: '12:00', end: '17:00' }, { weekday: 4, start: '12:00', end: '14:00' }, { weekday: 4, start: '14:00', end: '17:00' }])).toEqual([]);
  });

  it('takes open ends as no limit on an activity\'s dates', () => {
    expect(withinDates('2026-05-01', null, null)).toBe(true);
    expect(withinDates('2026-05-01', '2026-05-02', null)).toBe(false);
    expect(withinDates('2026-05-31', '2026-05-01', '2026-05-31')).toBe(true);
  });
});

describe('occurrencesOn', () => {
  it("gives Monday 7 December 2026's two open-counselling hours in Danish winter time, earliest first", () => {
    const slots = [{ weekday: 1, start: '15:00', end: '17:00' }, { weekday: 3, start: '12:00', end: '14:00' }, { weekday: 1, start: '09:00', end: '11:00' }];
    const found = occurrencesOn(slots, '2026-12-07');
    expect(found.map((o) => [o.slot.start, o.startsAt.toISOString(), o.endsAt.toISOString()])).toEqual([
      ['09:00', '2026-12-07T08:00:00.000Z', '2026-12-07T10:00:00.000Z'],
      ['15:00', '2026-12-07T14:00:00.000Z', '2026-12-07T16:00:00.000Z'],
    ]);
    expect(occurrencesOn(slots, '2026-12-08')).toEqual([]);
  });
});
