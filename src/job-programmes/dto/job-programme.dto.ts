import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { PHASES, TARGET_PHASES, type Phase, type TargetPhase } from '../phase-machine';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { IsInstant } from '../../common/instant.decorator';

export class CreateProgrammeDto {
  @ApiProperty({ format: 'uuid', description: "A youth registered by a social worker, within the plan's age range on the start day (its settings; 13-15 unless changed), living in an eligible housing area" })
  @IsUUID()
  residentId: string;

  @ApiPropertyOptional({ example: '2026-03-02', format: 'date', description: 'Defaults to today (Europe/Copenhagen); the youth\'s age is judged on this day' })
  @IsOptional()
  @IsCalendarDate()
  startedAt?: string;

  @ApiPropertyOptional({ enum: REFERRED_FROM, description: 'Who brought the youth to the programme (the school, the municipal youth service, ...)' })
  @IsOptional()
  @IsIn(REFERRED_FROM)
  referredFrom?: ReferredFrom;
}

export class ProgrammeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PHASES, example: 'matching' })
  @IsOptional()
  @IsIn(PHASES)
  phase?: Phase;

  @ApiPropertyOptional({ format: 'uuid', description: "Only programmes with a match at this employer (the employer's page); each item then says the match's status in `matchAtEmployer`" })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class TransitionDto {
  @ApiProperty({ enum: TARGET_PHASES, example: 'matching', description: 'The next phase; `ended` ends the programme early' })
  @IsIn(TARGET_PHASES)
  to: TargetPhase;

  @ApiProperty({ type: 'integer', example: 1, description: 'The programme\'s `version` as you last read it; 409 with `currentVersion` if it has changed since' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: 'Flyttet fra området', description: 'Why; required for `ended`, kept in the phase history' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For `ordinary_job`: the employer who hired the youth' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ example: '2026-09-01', format: 'date', description: 'For `ordinary_job`: when the ordinary leisure job started' })
  @IsOptional()
  @IsCalendarDate()
  startedAt?: string;

  @ApiPropertyOptional({
    example: '2026-12-18T14:00:00+01:00',
    format: 'date-time',
    description:
      'When the phase changed, if not now (e.g. a December event entered in January); the half-year report counts it by this. ' +
      'Not in the future (422 `not_in_future`) and not before the previous phase change (422 `not_before_previous_transition`). ' +
      'When it was typed is kept as `recordedAt`.',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: Date;
}
