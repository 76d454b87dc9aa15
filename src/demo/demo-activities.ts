import type { INestApplicationContext } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { ActivitiesService } from '../activities/activities.service';
import { ActivityKindsService } from '../activities/activity-kinds.service';
import { EnrolmentsService } from '../activities/enrolments.service';
import { SessionsService } from '../activities/sessions.service';
import { danishInstant, danishMoment } from '../activities/weekly-slots';
import { addDays } from '../common/calendar';
import { todayInPlanZone } from '../common/time';
import { ResidentsService } from '../residents/residents.service';

export interface DemoStaff {
  leader: PlanActor;
  counsellor: PlanActor;
  socialWorker: PlanActor;
}

const slots = (weekdays: number[], start: string, end: string) => weekdays.map((weekday) => ({ weekday, start, end }));

/**
 * The seeds' activities in the demo plan, with a year of attendance behind them (so the last
 * completed half-year has numbers): Sønderborg's open counselling Mon/Tue/Thu 12-17 (004_*),
 * Ishøj's school workshops, quarterly network meetings, a summer party and outreach to young
 * people over 18 (001_*), Varde's social caretaker (002_*), and an employment-readiness course
 * with rolling intake (004_*).
 */
export async function seedActivities(app: INestApplicationContext, staff: DemoStaff, areas: Record<string, string>, organisations: Record<string, string>): Promise<void> {
  const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
  const activities = get(ActivitiesService);
  const sessions = get(SessionsService);
  const enrolments = get(EnrolmentsService);
  const residents = get(ResidentsService);
  const today = todayInPlanZone();
  const yearAgo = addDays(today, -365);
  const { leader, counsellor, socialWorker } = staff;

  await get(ActivityKindsService).add(leader, 'social_caretaker', 'Social vicevært');

  const open = await activities.create(counsellor, {
    kind: 'open_counselling', name: 'Åben Rådgivning i Vejleåparken', housingAreaId: areas['Vejleåparken'], organisationId: organisations['Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)'],
    startsOn: yearAgo, weeklySlots: slots([1, 2, 4], '12:00', '17:00'),
  });
  // Every Monday, Tuesday and Thursday of the past year but this week's, with a head count;
  // the last Monday's visitors were recorded one by one at the door.
  const lastMonday = addDays(today, -(((danishMoment(new Date()).weekday + 6) % 7) || 7));
  for (let day = 7, i = 0; day <= 364; day++) {
    const date = addDays(today, -day);
    const weekday = danishMoment(danishInstant(date, '12:00')).weekday;
    if (![1, 2, 4].includes(weekday) || date === lastMonday) continue;
    const total = 4 + ((i * 7) % 9);
    const women = Math.round(total * 0.6);
    await sessions.record(counsellor, open.id, { startsAt: danishInstant(date, '12:00'), headcount: { total, women, men: total - women, youth: i % 3, adults: total - (i % 3) } });
    i++;
  }
  for (const [minute, gender, ageGroup] of [['12:20', 'female', 'adult'], ['13:05', 'male', 'adult'], ['15:40', 'female', 'youth']] as const) {
    await sessions.recordVisit(counsellor, open.id, { at: danishInstant(lastMonday, minute), gender, ageGroup });
  }

  const workshop = await activities.create(counsellor, { kind: 'workshop', name: 'Uddannelses- og jobworkshop i 8. klasse', organisationId: organisations['Vejlebroskolen'], startsOn: yearAgo });
  for (const day of [300, 240, 120, 60]) await sessions.record(counsellor, workshop.id, { startsAt: danishInstant(addDays(today, -day), '09:00'), endsAt: danishInstant(addDays(today, -day), '11:30'), headcount: { total: 22, youth: 22 } });

  const network = await activities.create(counsellor, { kind: 'network_meeting', name: 'Netværksmøde med skoler og kommune', startsOn: yearAgo });
  for (const day of [330, 240, 150, 60]) await sessions.record(counsellor, network.id, { startsAt: danishInstant(addDays(today, -day), '14:00'), headcount: { total: 9, adults: 9 } });

  const party = await activities.create(counsellor, { kind: 'event', name: 'Sommerfest i Vejleåparken', housingAreaId: areas['Vejleåparken'], startsOn: yearAgo });
  await sessions.record(counsellor, party.id, { startsAt: danishInstant(addDays(today, -180), '15:00'), headcount: { total: 140 }, note: 'Fællesspisning og boder fra foreningerne' });

  const outreach = await activities.create(counsellor, { kind: 'outreach', name: 'Opsøgende arbejde med unge over 18', organisationId: organisations['Center for Børn og Forebyggelse'], startsOn: yearAgo, weeklySlots: slots([3], '17:00', '21:00') });
  for (let week = 1; week <= 8; week++) {
    const wednesday = addDays(lastMonday, 2 - 7 * week);
    await sessions.record(counsellor, outreach.id, { startsAt: danishInstant(wednesday, '17:00'), headcount: { total: 5 + (week % 4), youth: 5 + (week % 4) } });
  }

  const caretaker = await activities.create(socialWorker, { kind: 'social_caretaker', name: 'Social vicevært i Vildtbanegård', housingAreaId: areas['Vildtbanegård I'], startsOn: yearAgo, weeklySlots: slots([2, 5], '09:00', '15:00') });
  for (const day of [40, 33, 26, 19, 12]) await sessions.record(socialWorker, caretaker.id, { startsAt: danishInstant(addDays(today, -day), '09:00'), headcount: { total: 3 + (day % 3) } });

  const course = await activities.create(counsellor, { kind: 'course', name: 'Jobparat-forløb (10 uger, løbende optag)', organisationId: organisations['Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)'], startsOn: yearAgo, capacity: 12, rollingIntake: true });
  const amina = await residents.register(counsellor, { housingAreaId: areas['Vildtbanegård II'], firstName: 'Amina', lastName: 'Hassan', birthYear: 1988, gender: 'female' });
  const ended = await enrolments.enrol(counsellor, course.id, { residentId: amina.id, startedOn: addDays(today, -250), referredFrom: 'partner' });
  await enrolments.end(counsellor, course.id, ended.id, { endedOn: addDays(today, -180), outcome: 'job' });
  const visitor = await residents.register(counsellor, { housingAreaId: areas['Vejleåparken'], anonymous: true, birthYear: 1996, gender: 'male' });
  await enrolments.enrol(counsellor, course.id, { residentId: visitor.id, startedOn: addDays(today, -30), referredFrom: 'self' });
}
