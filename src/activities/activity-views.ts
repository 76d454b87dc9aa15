import type { ActivityResponse, EnrolmentResponse, HeadcountResponse, SessionListItem, SessionResponse } from './dto/activity-response.dto';
import type { ActivityEnrolment } from './entities/activity-enrolment.entity';
import type { Activity } from './entities/activity.entity';
import type { ActivitySession } from './entities/activity-session.entity';

export const activityView = (a: Activity, kindLabel: string): ActivityResponse => ({
  id: a.id,
  kind: a.kind,
  kindLabel,
  name: a.name,
  housingAreaId: a.housingAreaId,
  organisationId: a.organisationId,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  weeklySlots: a.weeklySlots,
  capacity: a.capacity,
  rollingIntake: a.rollingIntake,
  version: a.version,
  createdAt: a.createdAt,
});

export const headcountView = (s: Pick<ActivitySession, 'headcountTotal' | 'headcountWomen' | 'headcountMen' | 'headcountYouth' | 'headcountAdults'>): HeadcountResponse => ({
  total: s.headcountTotal,
  women: s.headcountWomen,
  men: s.headcountMen,
  youth: s.headcountYouth,
  adults: s.headcountAdults,
});

export const enrolmentView = (e: ActivityEnrolment): EnrolmentResponse => ({
  id: e.id,
  activityId: e.activityId,
  residentId: e.residentId,
  startedOn: e.startedOn,
  endedOn: e.endedOn,
  outcome: e.outcome,
  referredFrom: e.referredFrom,
  version: e.version,
});

/** A session with the named participants the caller may see; `withheld` counts the others. */
/** A session without its note, for lists. */
export const sessionListItem = (s: ActivitySession, participants: SessionListItem['participants'], withheld: number, employers: SessionListItem['employers'] = []): SessionListItem => ({
  id: s.id,
  activityId: s.activityId,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  headcount: headcountView(s),
  participants,
  participantsWithheld: withheld,
  employers,
  recordedBy: s.recordedBy,
});

export const sessionView = (s: ActivitySession, participants: SessionResponse['participants'], withheld: number, employers: SessionResponse['employers'] = []): SessionResponse => ({
  ...sessionListItem(s, participants, withheld, employers),
  note: s.note,
});
