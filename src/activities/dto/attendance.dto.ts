import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { ENROLMENT_OUTCOMES, type EnrolmentOutcome } from '../activity-kinds';

const COUNT = { min: 0, max: 100_000 };

export class HeadcountDto {
  @ApiProperty({ example: 14, description: 'Everyone who came, named or not' })
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  total: number;

  @ApiPropertyOptional({ example: 9, description: 'women + men never exceed total' })
  @IsOptional()
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  women?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  men?: number;

  @ApiPropertyOptional({ example: 3, description: 'youth + adults never exceed total' })
  @IsOptional()
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  youth?: number;

  @ApiPropertyOptional({ example: 11 })
  @IsOptional()
  @IsInt()
  @Min(COUNT.min)
  @Max(COUNT.max)
  adults?: number;
}

export class RecordSessionDto {
  @ApiProperty({ example: '2026-03-02T12:00:00+01:00', description: 'Counts in the half-year of this instant in Danish time; within the activity\'s dates' })
  @IsInstant()
  startsAt: Date;

  @ApiPropertyOptional({ example: '2026-03-02T17:00:00+01:00' })
  @IsOptional()
  @IsInstant()
  endsAt?: Date;

  @ApiPropertyOptional({ type: HeadcountDto, description: 'Left out: the named participants are the head count' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => HeadcountDto)
  headcount?: HeadcountDto;

  @ApiPropertyOptional({ type: [String], description: 'Residents you record work for (your compartment; anonymous residents too)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  participantIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Employers of your plan\'s register who came (a network meeting\'s guests); not in the head count, which counts people' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  employerIds?: string[];

  @ApiPropertyOptional({ example: 'Mange nye ansigter efter opslag i opgangene', description: 'About the session, not about one resident' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RecordVisitDto {
  @ApiPropertyOptional({ example: '2026-03-02T12:40:00+01:00', description: 'Defaults to now; must fall in one of the activity\'s weekly slots (Danish time)' })
  @IsOptional()
  @IsInstant()
  at?: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'The visitor, when known (your compartment; anonymous residents too)' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ enum: ['female', 'male'] })
  @IsOptional()
  @IsIn(['female', 'male'])
  gender?: 'female' | 'male';

  @ApiPropertyOptional({ enum: ['youth', 'adult'] })
  @IsOptional()
  @IsIn(['youth', 'adult'])
  ageGroup?: 'youth' | 'adult';
}

export class EnrolDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;

  @ApiProperty({ example: '2026-03-02', format: 'date', description: 'Within the activity\'s dates' })
  @IsCalendarDate()
  startedOn: string;

  @ApiPropertyOptional({ enum: REFERRED_FROM, description: 'Where the resident came from' })
  @IsOptional()
  @IsIn(REFERRED_FROM)
  referredFrom?: ReferredFrom;
}

export class EndEnrolmentDto {
  @ApiProperty({ example: '2026-05-08', format: 'date', description: 'Not before the enrolment started' })
  @IsCalendarDate()
  endedOn: string;

  @ApiProperty({ enum: ENROLMENT_OUTCOMES })
  @IsIn(ENROLMENT_OUTCOMES)
  outcome: EnrolmentOutcome;
}

export class EnrolmentQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'ended'] })
  @IsOptional()
  @IsIn(['open', 'ended'])
  status?: 'open' | 'ended';
}
