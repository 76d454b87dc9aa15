import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsPositive, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { CONVERSATION_KINDS, CONVERSATION_PARTICIPANTS, type ConversationKind, type ConversationParticipant } from '../entities/job-programme-conversation.entity';
import { IsCalendarDate, IsMonday } from '../../common/calendar-date.decorator';

export class ConversationDto {
  @ApiProperty({ example: '2026-03-04T16:00:00+01:00' })
  @IsInstant()
  occurredAt: Date;

  @ApiProperty({ enum: CONVERSATION_KINDS, example: 'clarification' })
  @IsIn(CONVERSATION_KINDS)
  kind: ConversationKind;

  @ApiProperty({ enum: CONVERSATION_PARTICIPANTS, isArray: true, example: ['youth', 'guardian'], description: 'Who took part besides staff; at least one, each once' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(CONVERSATION_PARTICIPANTS, { each: true })
  participants: ConversationParticipant[];

  @ApiPropertyOptional({ example: 'Vil gerne arbejde i Netto; kan mødes efter skole tirsdag og torsdag', description: 'Optional; only social workers see it' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class ProposeMatchDto {
  @ApiProperty({ format: 'uuid', description: 'An employer of your plan' })
  @IsUUID()
  employerId: string;
}

export const MATCH_UPDATES = ['interview_scheduled', 'accepted', 'declined', 'withdrawn'] as const;

export class UpdateMatchDto {
  @ApiProperty({ enum: MATCH_UPDATES, example: 'accepted', description: 'At most one match of a programme is accepted' })
  @IsIn(MATCH_UPDATES)
  status: (typeof MATCH_UPDATES)[number];

  @ApiPropertyOptional({ example: '2026-03-10T15:30:00+01:00', description: 'When the job interview is (staff attend)' })
  @IsOptional()
  @IsInstant()
  interviewAt?: Date;

  @ApiPropertyOptional({ type: 'integer', example: 1, description: "The match's `version` as you last read it; 409 `stale_version` with `currentVersion` if it has changed since. Without it the change applies to the match as it is (api.md's body)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class EmploymentDto {
  @ApiProperty({ format: 'uuid', description: "The accepted match's employer" })
  @IsUUID()
  employerId: string;

  @ApiPropertyOptional({ example: '2026-03-20', format: 'date', description: 'When the youth signed the contract; needed before the employment phase' })
  @IsOptional()
  @IsCalendarDate()
  contractSignedByYouthAt?: string;

  @ApiPropertyOptional({ example: '2026-03-21', format: 'date', description: 'When a parent or guardian signed the contract; needed before the employment phase' })
  @IsOptional()
  @IsCalendarDate()
  contractSignedByGuardianAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Which of the youth's registered guardians signed the contract (422 `registered_guardian` otherwise); needed with contractSignedByGuardianAt before the employment phase",
  })
  @IsOptional()
  @IsUUID()
  contractSignedByGuardianId?: string;

  @ApiProperty({ example: '2026-04-01', format: 'date' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2026-08-01', format: 'date', description: "The plan's range (its settings; 3-5 months unless changed) is counted in calendar months from startDate" })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ example: 4, description: "More than 0 and at most 40, with at most one decimal (4.5); the plan's range is in its settings (2-6 unless changed)" })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @IsPositive()
  @Max(40)
  hoursPerWeek: number;

  @ApiPropertyOptional({ example: 'Sommerferiejob: flere timer aftalt med forældre og arbejdsgiver', description: "Why the employment goes outside the plan's ranges for hours a week or months (its settings); kept with it" })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  exceptionReason?: string;

  @ApiPropertyOptional({
    example: true,
    description:
      'Whether the youth is still in compulsory schooling (undervisningspligtig), which decides the young-worker limits from 15. ' +
      'Defaults to true while the youth could still be (until 31 July of the year they turn 17); it ends 31 July after 9th grade, which only you know',
  })
  @IsOptional()
  @IsBoolean()
  inCompulsorySchooling?: boolean;
}

export class TimesheetDto {
  @ApiProperty({ example: '2026-04-06', format: 'date', description: 'The Monday the week starts on; one timesheet per week' })
  @IsMonday()
  weekStart: string;

  @ApiProperty({ example: 4.5, description: 'Hours worked that week, 0-60, with at most one decimal' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  hours: number;
}

export class CorrectTimesheetDto {
  @ApiProperty({ example: 3.5, description: 'The hours the youth really worked that week, 0-60, with at most one decimal; they replace the recorded hours, which are kept as history' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  hours: number;

  @ApiProperty({ type: 'integer', example: 1, description: "The timesheet's `version` as you last read it; 409 `stale_version` with `currentVersion` if it has changed since" })
  @IsInt()
  @Min(1)
  version: number;
}
