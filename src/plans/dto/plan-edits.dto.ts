import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.decorator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../entities/organisation.entity';

const defined = (_: object, value: unknown) => value !== undefined;

class Versioned {
  @ApiPropertyOptional({ type: 'integer', example: 1, description: '`version` as you last read it; 409 `stale_version` with `currentVersion` if it has changed since. Without it the change applies as things are' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** PATCH: only the fields sent change. */
export class UpdatePlanDto extends Versioned {
  @ApiPropertyOptional({ example: 'Den boligsociale helhedsplan i Ishøj' })
  @ValidateIf(defined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'Ishøj' })
  @ValidateIf(defined)
  @IsString()
  @Length(1, 100)
  municipality?: string;

  @ApiPropertyOptional({ example: '2025-11-01', format: 'date' })
  @ValidateIf(defined)
  @IsCalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ example: '2029-10-31', format: 'date', description: 'After validFrom' })
  @ValidateIf(defined)
  @IsCalendarDate()
  validTo?: string;
}

export class UpdateHousingAreaDto extends Versioned {
  @ApiPropertyOptional({ example: 'Vejleåparken' })
  @ValidateIf(defined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ description: 'Youth living here may join the leisure-job programme (programmes already started are not affected)' })
  @ValidateIf(defined)
  @IsBoolean()
  jobProgrammeEligible?: boolean;
}

export class UpdateOrganisationDto extends Versioned {
  @ApiPropertyOptional({ example: 'Center for Beskæftigelse og Erhverv (Jobcenter Ishøj)' })
  @ValidateIf(defined)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS, example: 'municipal' })
  @ValidateIf(defined)
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;
}
