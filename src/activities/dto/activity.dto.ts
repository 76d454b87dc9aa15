import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { PageQuery } from '../../common/pagination';
import { Nullable } from '../../common/validation';
import { ExpectedVersion } from '../../common/version.decorator';

const KIND = /^[a-z][a-z0-9_]{1,39}$/;
const KIND_MESSAGE = 'kind must be 2-40 lower-case letters, digits or underscores, starting with a letter';
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const KIND_DESCRIPTION = 'A built-in kind (open_counselling, workshop, course, event, network_meeting, job_cafe, outreach, volunteer_group) or one of your plan\'s own (GET /activity-kinds)';

export class WeeklySlotDto {
  @ApiProperty({ minimum: 1, maximum: 7, example: 1, description: 'ISO weekday: 1 = Monday ... 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  @ApiProperty({ example: '12:00', description: 'Danish local time, HH:MM' })
  @Matches(CLOCK, { message: 'start must be a time HH:MM (00:00-23:59)' })
  start: string;

  @ApiProperty({ example: '17:00', description: 'Danish local time, HH:MM; after start' })
  @Matches(CLOCK, { message: 'end must be a time HH:MM (00:00-23:59)' })
  end: string;
}

export class CreateActivityDto {
  @ApiProperty({ example: 'open_counselling', description: KIND_DESCRIPTION })
  @Matches(KIND, { message: KIND_MESSAGE })
  kind: string;

  @ApiProperty({ example: 'Åben Rådgivning i Nørager' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A housing area of the plan; left out: the whole plan' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The partner organisation that runs it with the plan' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ example: '2026-01-05', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-06-30', format: 'date', description: 'The last day; not before startsOn' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ type: [WeeklySlotDto], description: 'Fixed weekly times, e.g. Mon/Tue/Thu 12-17; no two overlap on a weekday' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotDto)
  weeklySlots?: WeeklySlotDto[];

  @ApiPropertyOptional({ example: 12, description: 'How many may be enrolled at a time' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;

  @ApiPropertyOptional({ description: 'Whether residents may join after it has started (a course of about 10 weeks with rolling intake, 004_*)' })
  @IsOptional()
  @IsBoolean()
  rollingIntake?: boolean;
}

/** Only what is sent changes; `null` clears an optional value. */
export class UpdateActivityDto {
  @ApiPropertyOptional({ example: 'course', description: KIND_DESCRIPTION })
  @IsOptional()
  @Matches(KIND, { message: KIND_MESSAGE })
  kind?: string;

  @ApiPropertyOptional({ example: 'Jobparat-forløb forår' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: the whole plan' })
  @Nullable()
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  housingAreaId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsCalendarDate()
  startsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsCalendarDate()
  endsOn?: string | null;

  @ApiPropertyOptional({ type: [WeeklySlotDto], description: 'Replaces the weekly slots' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => WeeklySlotDto)
  weeklySlots?: WeeklySlotDto[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null: no limit; never below the open enrolments' })
  @Nullable()
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  rollingIntake?: boolean;

  @ExpectedVersion('activity')
  version?: number;
}

export class ActivityQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'course' })
  @IsOptional()
  @Matches(KIND, { message: KIND_MESSAGE })
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Activities in this housing area (not those for the whole plan)' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-02', description: 'Activities running on this day (open ends count as running)' })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;
}

export class AddActivityKindDto {
  @ApiProperty({ example: 'social_caretaker', description: 'Lower-case key used in the API and reports' })
  @Matches(KIND, { message: 'key must be 2-40 lower-case letters, digits or underscores, starting with a letter' })
  key: string;

  @ApiProperty({ example: 'Social vicevært' })
  @IsString()
  @Length(1, 100)
  label: string;
}

