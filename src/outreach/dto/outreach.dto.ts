import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';
import { ATTEMPT_OUTCOMES, OUTREACH_RETENTION_DAYS, type AttemptOutcome } from '../outreach-rules';

export class CreateOutreachListDto {
  @ApiProperty({ example: 'Unge 18-25 uden kontakt, Vejleåparken, marts 2026' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'Ishøj Kommune, Ungeindsatsen', description: 'Who handed the names over' })
  @IsString()
  @Length(1, 200)
  source: string;

  @ApiProperty({ example: 'Databehandleraftale med Ishøj Kommune af 1. februar 2026', description: 'Why the plan may hold the names; required' })
  @IsString()
  @Length(1, 500)
  legalBasis: string;

  @ApiProperty({ example: 90, minimum: OUTREACH_RETENTION_DAYS.min, maximum: OUTREACH_RETENTION_DAYS.max, description: 'Days from today after which the people and attempts are deleted (only counts are kept): 1-180' })
  @IsInt()
  @Min(OUTREACH_RETENTION_DAYS.min)
  @Max(OUTREACH_RETENTION_DAYS.max)
  retentionDays: number;
}

export class AddOutreachPersonDto {
  @ApiProperty({ example: 'Amira Hassan', description: 'As the municipality named the young person' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Vejleåparken 12, 2. th.' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  address?: string;

  @ApiPropertyOptional({ example: 2004, description: 'From 1900 to the current year' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;
}

/** The counselling case to open from a talk at the door, in the same transaction as the attempt. */
export class OpenCaseFromTalkDto {
  @ApiProperty({ example: 'education', description: 'A built-in counselling topic or one of your plan\'s own' })
  @IsString()
  @Length(1, 60)
  topic: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where the young person lives; needed unless `residentId` names a resident already registered' })
  @IsOptional()
  @IsUUID()
  housingAreaId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A resident of your compartment who is this person (e.g. named by a `possible_duplicate` answer): the case opens for them, and no one is registered' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @ApiPropertyOptional({ description: 'Register the person although residents with the same name exist (409 `possible_duplicate` names them): you checked it is someone else' })
  @IsOptional()
  @IsBoolean()
  confirmNotDuplicate?: boolean;
}

export class RecordAttemptDto {
  @ApiProperty({ example: '2026-03-02T17:30:00+01:00', description: 'When the doorbell was rung; without an offset Danish time; not in the future' })
  @IsInstant()
  at: Date;

  @ApiProperty({ enum: ATTEMPT_OUTCOMES, example: 'talked' })
  @IsIn(ATTEMPT_OUTCOMES)
  outcome: AttemptOutcome;

  @ApiPropertyOptional({ type: OpenCaseFromTalkDto, description: 'Only with `talked` or `offer_accepted`: register the person as a resident of the counselling compartment and open a case (form `outreach`, the talk as its first contact, a home visit)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => OpenCaseFromTalkDto)
  openCase?: OpenCaseFromTalkDto;
}

export class OutreachListQuery extends PageQuery {}
