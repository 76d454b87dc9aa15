import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsDecimal } from '../../common/decimal.decorator';
import { PageQuery } from '../../common/pagination';
import { SMALL_JOB_OUTCOMES, type SmallJobOutcome } from '../small-job-rules';
import { ExpectedVersion } from '../../common/version.decorator';

export class CreateSmallJobDto {
  @ApiProperty({ format: 'uuid', description: 'A resident registered by a counsellor, 18 or over on startsOn (422 `small_job_resident_not_adult` otherwise)' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ format: 'uuid', description: 'One of your plan\'s employers (often the housing organisation itself)' })
  @IsUUID()
  employerId: string;

  @ApiProperty({ example: '2026-03-02', format: 'date', description: 'The first day; may be planned ahead' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: 6, description: 'A few hours a week: from 1 to 15 (422 `small_job_rules_unmet` otherwise), with at most one decimal' })
  @IsDecimal({ places: 1, min: 0, max: 168 })
  hoursPerWeek: number;
}

export class EndSmallJobDto {
  @ApiProperty({ example: '2026-05-29', format: 'date', description: 'Not before the småjob started and not after today (Danish time)' })
  @IsCalendarDate()
  endedOn: string;

  @ApiProperty({ enum: SMALL_JOB_OUTCOMES, example: 'more_hours', description: '`more_hours` (the employer gave more hours), `ordinary_job` (an ordinary job, here or elsewhere) or `ended`' })
  @IsIn(SMALL_JOB_OUTCOMES)
  outcome: SmallJobOutcome;

  @ExpectedVersion('småjob')
  version?: number;
}

export class SmallJobQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only running småjobs; `false`: only ended ones' })
  @IsOptional()
  @IsIn(['true', 'false'])
  running?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}
