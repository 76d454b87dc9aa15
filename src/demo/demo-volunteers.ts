import type { INestApplicationContext } from '@nestjs/common';
import type { PlanActor } from '../access/actor';
import { ActivitiesService } from '../activities/activities.service';
import { addDays } from '../common/calendar';
import { todayInPlanZone } from '../common/time';
import { danishInstant } from '../activities/weekly-slots';
import { VolunteerCoordinatorService } from '../volunteers/volunteer-coordinator.service';
import { VolunteerHelpService } from '../volunteers/volunteer-help.service';
import { VolunteerTopicsService } from '../volunteers/volunteer-topics.service';

/**
 * The volunteers' everyday counselling (003_* Holstebro, here in Ishøj): a volunteer group on
 * Wednesdays, the counsellor named the volunteers' coordinator, a topic of the plan's own, and the
 * demo volunteer's help over the last weeks (help can be recorded at most 31 days back).
 */
export async function seedVolunteers(app: INestApplicationContext, staff: { leader: PlanActor; counsellor: PlanActor; volunteer: PlanActor }, partnerOrganisationId: string): Promise<void> {
  const get = <T>(type: new (...args: never[]) => T) => app.get(type, { strict: false });
  const today = todayInPlanZone();
  const group = await get(ActivitiesService).create(staff.leader, {
    kind: 'volunteer_group',
    name: 'Hverdagsrådgivning med frivillige',
    organisationId: partnerOrganisationId,
    startsOn: addDays(today, -120),
    weeklySlots: [{ weekday: 3, start: '15:00', end: '17:00' }],
  });
  await get(VolunteerCoordinatorService).name(staff.leader, staff.counsellor.userId);
  await get(VolunteerTopicsService).add(staff.leader, 'tax', 'Skat og forskudsopgørelse');
  const help = get(VolunteerHelpService);
  const entries: [daysAgo: number, time: string, topic: string, minutes: number, escort: boolean][] = [
    [28, '15:10', 'letters', 20, false],
    [28, '15:40', 'mitid', 30, false],
    [21, '15:05', 'eboks', 15, false],
    [21, '16:00', 'housing', 45, true],
    [14, '15:20', 'aula', 20, false],
    [14, '16:10', 'tax', 30, false],
    [7, '15:15', 'forms', 40, false],
    [7, '16:30', 'benefits', 25, true],
  ];
  for (const [daysAgo, time, topic, minutes, escort] of entries) {
    const day = addDays(today, -daysAgo);
    await help.record(staff.volunteer, { activityId: group.id, occurredAt: danishInstant(day, time), topic, minutes, escort });
  }
}
