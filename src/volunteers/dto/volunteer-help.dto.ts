import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { ExpectedVersion } from '../../common/version.decorator';

/** A topic key: a built-in one or a plan's own (the same shape as counselling topics and activity kinds). */
const TOPIC_KEY = /^[a-z][a-z0-9_]{1,39}$/;
const TOPIC_MESSAGE = 'topic must be 2-40 lower-case letters, digits or underscores, starting with a letter';
const TOPIC_DESCRIPTION = 'letters, forms, mitid, eboks, aula, benefits, housing, other, or one of your plan\'s own (GET /volunteer-help-topics)';

/*
 * What a volunteer records has no resident, no name and no free text: the DTOs have no such field,
 * and unknown fields are refused (400), so a `note` or a `residentId` never reaches the database.
 */
export class RecordHelpDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A volunteer group of your plan (GET /volunteer-help/groups) running on the day' })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-06-30T23:30:00+02:00',
    description: 'When you helped; now if left out. Not in the future (5 minutes of clock skew allowed) and at most 31 days ago (422 `volunteer_help_time_unmet`)',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: Date;

  @ApiProperty({ example: 'mitid', description: TOPIC_DESCRIPTION })
  @Matches(TOPIC_KEY, { message: TOPIC_MESSAGE })
  topic: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 480, description: 'How long the help took, in minutes' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(480)
  minutes?: number;

  @ApiPropertyOptional({ example: false, description: 'true when you went along to an appointment (bisidder/ledsager)' })
  @IsOptional()
  @IsBoolean()
  escort?: boolean;
}

/** A correction of one's own entry of today: any of its fields. */
export class CorrectHelpDto {
  @ApiPropertyOptional({ example: 'forms', description: TOPIC_DESCRIPTION })
  @IsOptional()
  @Matches(TOPIC_KEY, { message: TOPIC_MESSAGE })
  topic?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 30, minimum: 1, maximum: 480, description: 'null removes the minutes' })
  @IsOptional()
  @ValidateIf((o: CorrectHelpDto) => o.minutes !== null)
  @IsInt()
  @Min(1)
  @Max(480)
  minutes?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  escort?: boolean;

  @ExpectedVersion('entry')
  version?: number;
}

export class HelpQuery extends PageQuery {}

export class SummaryQuery {
  @ApiPropertyOptional({ example: '2026-01-01', format: 'date', description: 'First day (Danish time); default: the first day of the current half-year' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', format: 'date', description: 'Last day, included (Danish time); default: today. At most two years after `from`' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class AddVolunteerTopicDto {
  @ApiProperty({ example: 'tax', description: 'Lower-case key used in the API and reports' })
  @Matches(TOPIC_KEY, { message: 'key must be 2-40 lower-case letters, digits or underscores, starting with a letter' })
  key: string;

  @ApiProperty({ example: 'Skat og forskudsopgørelse' })
  @IsString()
  @Length(1, 100)
  label: string;
}

export class NameCoordinatorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'An active counsellor or social worker of your plan; null: no coordinator' })
  @ValidateIf((o: NameCoordinatorDto) => o.userId !== null)
  @IsUUID()
  userId: string | null;
}
