import { ApiProperty } from '@nestjs/swagger';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { ENROLMENT_OUTCOMES, type EnrolmentOutcome } from '../activity-kinds';
import { WeeklySlotDto } from './activity.dto';

export class ActivityResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'open_counselling' }) kind: string;
  @ApiProperty({ example: 'Åben rådgivning', description: 'The kind\'s Danish label' }) kindLabel: string;
  @ApiProperty({ example: 'Åben Rådgivning i Nørager' }) name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the whole plan' }) housingAreaId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startsOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endsOn: string | null;
  @ApiProperty({ type: [WeeklySlotDto] }) weeklySlots: WeeklySlotDto[];
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty() rollingIntake: boolean;
  @ApiProperty({ description: 'Send it with PATCH; a stale one answers 409 `stale_version`' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class ActivityPage {
  @ApiProperty({ type: [ActivityResponse] }) items: ActivityResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ActivityKindResponse {
  @ApiProperty({ example: 'open_counselling' }) key: string;
  @ApiProperty({ example: 'Åben rådgivning' }) label: string;
  @ApiProperty() builtIn: boolean;
}

export class ActivityKindPage {
  @ApiProperty({ type: [ActivityKindResponse] }) items: ActivityKindResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: all kinds fit one page' }) nextCursor: null;
}

export class HeadcountResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: Number, nullable: true }) women: number | null;
  @ApiProperty({ type: Number, nullable: true }) men: number | null;
  @ApiProperty({ type: Number, nullable: true }) youth: number | null;
  @ApiProperty({ type: Number, nullable: true }) adults: number | null;
}

export class ParticipantResponse {
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'Helle Jensen', description: 'The name, or the pseudonym of an anonymous resident' }) name: string;
}

/** An employer who came to a session (a network meeting): an organisation, not a person. */
export class SessionEmployerResponse {
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ example: 'Netto Ishøj Bycenter' }) name: string;
}

/** A session in a list: no note (free text), which only the session's own read shows, to its own staff (issue 20). */
export class SessionListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: Date | null;
  @ApiProperty({ type: HeadcountResponse }) headcount: HeadcountResponse;
  @ApiProperty({ type: [ParticipantResponse], description: 'The named participants you may see' }) participants: ParticipantResponse[];
  @ApiProperty({ description: 'Named participants you may not see: they are in the head count only' }) participantsWithheld: number;
  @ApiProperty({ type: [SessionEmployerResponse], description: 'The employers who came (network meetings)' }) employers: SessionEmployerResponse[];
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

/** The session as recorded, answered to the one who recorded it. */
export class SessionResponse extends SessionListItem {
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

/** One session read on its own (step-up): the note only for the staff of the compartment that recorded it. */
export class SessionDetailResponse extends SessionResponse {
  @ApiProperty({ description: 'Whether the note is shown to you: only the staff of the compartment that recorded the session read it (null otherwise)' }) noteShared: boolean;
}

export class SessionPage {
  @ApiProperty({ type: [SessionListItem] }) items: SessionListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VisitResponse {
  @ApiProperty({ format: 'uuid', description: 'The session of the slot the visit fell in' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endsAt: Date | null;
  @ApiProperty({ type: HeadcountResponse, description: 'The session\'s head count with this visit' }) headcount: HeadcountResponse;
}

export class EnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: ENROLMENT_OUTCOMES, nullable: true }) outcome: EnrolmentOutcome | null;
  @ApiProperty({ enum: REFERRED_FROM, nullable: true }) referredFrom: ReferredFrom | null;
  @ApiProperty() version: number;
}

export class EnrolmentListItem extends EnrolmentResponse {
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
}

export class EnrolmentPage {
  @ApiProperty({ type: [EnrolmentListItem] }) items: EnrolmentListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
