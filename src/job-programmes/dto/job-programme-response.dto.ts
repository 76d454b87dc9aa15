import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONVERSATION_KINDS, CONVERSATION_PARTICIPANTS, type ConversationKind, type ConversationParticipant } from '../entities/job-programme-conversation.entity';
import { MATCH_STATUSES, type MatchStatus } from '../entities/job-programme-match.entity';
import { PHASES, type Phase } from '../phase-machine';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';

export class WarningResponse {
  @ApiProperty({ example: 'young_worker_weekly_hours' }) rule: string;
  @ApiProperty({ description: 'In Danish, for the social worker' }) message: string;
}

export class OrdinaryJobResponse {
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) startedAt: string | null;
}

/** A programme without the free text written about the youth: what a list shows (issue 20). */
export class ProgrammeSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty({ format: 'date' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the final phase change happened' }) finishedAt: Date | null;
  @ApiProperty({ type: OrdinaryJobResponse, nullable: true }) ordinaryJob: OrdinaryJobResponse | null;
  @ApiProperty({ type: 'integer', description: 'Send it back with a phase change; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ enum: REFERRED_FROM, nullable: true, description: 'Who brought the youth to the programme' }) referredFrom: ReferredFrom | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ description: 'false for readers through a consent: the free text written about the youth is withheld (null)' }) freeTextShared: boolean;
}

export class ProgrammeResponse extends ProgrammeSummary {
  @ApiProperty({ type: String, nullable: true, description: 'null when withheld (`freeTextShared: false`)' }) endReason: string | null;
}

export class OrdinaryJobListed extends OrdinaryJobResponse {
  @ApiProperty({ type: String, nullable: true, example: 'Netto Ishøj Bycenter' }) employerName: string | null;
}

export class UnmetRequirementResponse {
  @ApiProperty({ example: 'clarification_conversation', description: "The guard's rule, as a refused phase change names it in `errors`" }) rule: string;
  @ApiProperty({ example: 'no clarification conversation is recorded' }) message: string;
}

/** What the next phase forward still needs, from the guards the phase change itself asks. */
export class NextStepResponse {
  @ApiProperty({ enum: PHASES, example: 'matching' }) to: Phase;
  @ApiProperty({
    type: [UnmetRequirementResponse],
    description: 'Every requirement not met yet; empty when the move may be made now. `ordinary_job_named` stays until the move names the employer and start date',
  })
  unmet: UnmetRequirementResponse[];
}

/** A programme in a list, with the names a person needs next to the ids; the end reason only in the programme's own read (step-up). */
export class ProgrammeListItem extends ProgrammeSummary {
  @ApiProperty({ type: String, nullable: true, example: 'Amira Hassan', description: "The youth's name, or pseudonym if anonymous" }) youthName: string | null;
  @ApiProperty({ type: OrdinaryJobListed, nullable: true }) declare ordinaryJob: OrdinaryJobListed | null;
  @ApiProperty({ type: NextStepResponse, nullable: true, description: 'The next phase and what it still needs; null when the programme is finished' }) nextStep: NextStepResponse | null;
  @ApiPropertyOptional({ enum: MATCH_STATUSES, isArray: true, description: 'With `employerId` in the query: the status of each of the programme\'s matches at that employer, oldest first' })
  matchesAtEmployer?: MatchStatus[];
}

export class ProgrammePage {
  @ApiProperty({ type: [ProgrammeListItem] }) items: ProgrammeListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class TransitionResponse {
  @ApiProperty({ enum: PHASES, nullable: true }) from: Phase | null;
  @ApiProperty({ enum: PHASES }) to: Phase;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;
}

export class ConversationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ enum: CONVERSATION_KINDS }) kind: ConversationKind;
  @ApiProperty({ enum: CONVERSATION_PARTICIPANTS, isArray: true }) participants: ConversationParticipant[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

export class MatchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) interviewAt: Date | null;
  @ApiProperty({ type: 'integer', description: 'Send it back with a status change; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class EmploymentResponse {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) contractSignedByYouthAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) contractSignedByGuardianAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contractSignedByGuardianId: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ example: 4 }) hoursPerWeek: number;
  @ApiProperty({ type: String, nullable: true }) exceptionReason: string | null;
  @ApiProperty() inCompulsorySchooling: boolean;
  @ApiProperty({ type: [WarningResponse] }) warnings: WarningResponse[];
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

/** A week's hours as they stood before a correction replaced them. */
export class TimesheetRevisionResponse {
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty({ example: 4.5 }) hours: number;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;
}

export class TimesheetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'date' }) weekStart: string;
  @ApiProperty({ example: 4.5 }) hours: number;
  @ApiProperty({ type: [WarningResponse] }) warnings: WarningResponse[];
  @ApiProperty({ format: 'uuid', description: 'Who recorded the hours as they stand (the last correction, if any)' }) recordedBy: string;
  @ApiProperty({ format: 'date-time', description: 'When the hours as they stand were recorded' }) recordedAt: Date;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a correction; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ type: [TimesheetRevisionResponse], description: 'The hours the week had before each correction, oldest first' }) corrections: TimesheetRevisionResponse[];
}

export class ProgrammeDetailsResponse extends ProgrammeResponse {
  @ApiProperty({ type: [TransitionResponse] }) history: TransitionResponse[];
  @ApiProperty({ type: [ConversationResponse] }) conversations: ConversationResponse[];
  @ApiProperty({ type: [MatchResponse] }) matches: MatchResponse[];
  @ApiProperty({ type: EmploymentResponse, nullable: true }) employment: EmploymentResponse | null;
  @ApiProperty({ type: [TimesheetResponse] }) timesheets: TimesheetResponse[];
  @ApiProperty({ type: NextStepResponse, nullable: true, description: 'The next phase and what it still needs; null when the programme is finished' }) nextStep: NextStepResponse | null;
}
