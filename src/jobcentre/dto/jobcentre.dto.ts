import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { PageQuery } from '../../common/pagination';
import { CRITERIA, EFFORT_MAX_LENGTH, END_REASONS, TARGET_GROUPS, type Criterion, type EndReason, type TargetGroup } from '../jobcentre-rules';
import { ExpectedVersion } from '../../common/version.decorator';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateJobcentreEnrolmentDto {
  @ApiProperty({ format: 'uuid', description: 'A person of the job centre\'s caseload, registered by a caseworker (POST /residents)' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ example: 'Fremskudt jobcenter', maxLength: EFFORT_MAX_LENGTH, description: 'The plan\'s name for the effort (a short label, no notes about the person)' })
  @trimmed()
  @IsString()
  @Length(1, EFFORT_MAX_LENGTH)
  effort: string;

  @ApiProperty({ enum: TARGET_GROUPS, example: '6.3', description: 'The job centre\'s target group (målgruppe); `other` for integration groups and the rest' })
  @IsIn(TARGET_GROUPS)
  targetGroup: TargetGroup;

  @ApiPropertyOptional({ enum: CRITERIA, isArray: true, description: 'The selection criteria the person meets (002_* Varde)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CRITERIA.length)
  @ArrayUnique()
  @IsIn(CRITERIA, { each: true })
  criteriaMet?: Criterion[];

  @ApiProperty({ example: '2026-01-12', format: 'date', description: 'Not after today (422)' })
  @IsCalendarDate()
  startedOn: string;
}

export class EndJobcentreEnrolmentDto {
  @ApiProperty({ example: '2026-05-29', format: 'date', description: 'Not before the enrolment started and not after today' })
  @IsCalendarDate()
  endedOn: string;

  @ApiProperty({ enum: END_REASONS, example: 'job', description: 'Why the enrolment ended (afslutningsårsag)' })
  @IsIn(END_REASONS)
  reason: EndReason;

  @ExpectedVersion('enrolment')
  version?: number;
}

export class MarkQuarterDto {
  @ApiProperty({ description: 'Whether the person was active (in an offer, internship, job-directed activity) in the quarter' })
  @IsBoolean()
  active: boolean;

  @ExpectedVersion('enrolment')
  version?: number;
}

export class JobcentreEnrolmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only running enrolments; `false`: only ended ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  running?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUPS })
  @IsOptional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;
}

export class JobcentreFiguresQuery {
  @ApiProperty({ example: '2026-Q1', description: 'A quarter (`2026-Q1`), a half-year (`2026-H1`) or a year (`2026`)' })
  @IsString()
  @Matches(/^(19|20|21)\d{2}(-H[12]|-Q[1-4])?$/, { message: 'period must be a quarter (2026-Q1), a half-year (2026-H1) or a year (2026)' })
  period: string;
}
