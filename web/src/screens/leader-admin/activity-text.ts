import { leaderAdmin, weekdayNames } from '../../text/leader-admin';
import type { Activity, HousingArea } from './leader-admin-api';

const clock = (hhmm: string) => hhmm.replace(':', '.');

/** "mandag 12.00-17.00, torsdag 09.00-12.00": the Danish way of writing the weekly slots. */
export const slotsText = (a: Activity): string =>
  a.weeklySlots.map((s) => leaderAdmin.activity.slot(weekdayNames[s.weekday - 1] ?? String(s.weekday), clock(s.start), clock(s.end))).join(', ');

export const whereText = (a: Activity, areas: HousingArea[]): string =>
  a.housingAreaId ? (areas.find((h) => h.id === a.housingAreaId)?.name ?? '') : leaderAdmin.activities.wholePlan;
