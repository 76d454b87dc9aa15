import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsDecimal } from '../../common/decimal.decorator';
import { PageQuery } from '../../common/pagination';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { INTERNSHIP_OUTCOMES, type InternshipOutcome } from '../internship-rules';
import { ExpectedVersion } from '../../common/version.decorator';

export class CreateInternshipDto {
  @ApiProperty({ format: 'uuid', description: 'A resident registered by a counsellor, 18 or over on startsOn' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ format: 'uuid', description: 'One of your plan\'s employers (POST /employers)' })
  @IsUUID()
  employerId: string;

  @ApiProperty({ example: '2026-03-02', format: 'date' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2026-05-29', format: 'date', description: 'The agreed last day; after startsOn' })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ example: 15, description: 'From 1 to 37 (422 otherwise), with at most one decimal' })
  @IsDecimal({ places: 1, min: 0, max: 168 })
  hoursPerWeek: number;

  @ApiPropertyOptional({ enum: REFERRED_FROM, description: 'Who brought the resident to the internship' })
  @IsOptional()
  @IsIn(REFERRED_FROM)
  referredFrom?: ReferredFrom;
}

export class EndInternshipDto {
  @ApiProperty({ example: '2026-05-29', format: 'date', description: 'Not before the internship started' })
  @IsCalendarDate()
  endedOn: string;

  @ApiProperty({ enum: INTERNSHIP_OUTCOMES, example: 'job', description: '`job` or `education` when the resident went on to one; `ended` otherwise' })
  @IsIn(INTERNSHIP_OUTCOMES)
  outcome: InternshipOutcome;

  @ExpectedVersion('internship')
  version?: number;
}

export class InternshipQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '`true`: only running internships (not ended yet); `false`: only ended ones' })
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
