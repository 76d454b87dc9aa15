import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimal } from '../../common/decimal.decorator';
import { Nullable } from '../../common/validation';
import { SETTING_BOUNDS as B } from '../plan-settings';

const HOURS = { places: 1, ...B.hoursPerWeek };

export class HoursPerWeekRangeDto {
  @ApiProperty({ example: 2, minimum: B.hoursPerWeek.min, maximum: B.hoursPerWeek.max, description: 'At most one decimal (2.5)' })
  @IsDecimal(HOURS)
  min: number;

  @ApiProperty({ example: 6, minimum: B.hoursPerWeek.min, maximum: B.hoursPerWeek.max, description: 'At most one decimal; not below min (422 `plan_settings_range`)' })
  @IsDecimal(HOURS)
  max: number;
}

export class MonthsRangeDto {
  @ApiProperty({ example: 3, minimum: B.months.min, maximum: B.months.max })
  @IsInt()
  @Min(B.months.min)
  @Max(B.months.max)
  min: number;

  @ApiProperty({ example: 5, minimum: B.months.min, maximum: B.months.max, description: 'Not below min (422 `plan_settings_range`)' })
  @IsInt()
  @Min(B.months.min)
  @Max(B.months.max)
  max: number;
}

export class JobProgrammeSettingsDto {
  @ApiProperty({ example: 13, minimum: B.programmeAge.min, maximum: B.programmeAge.max, description: 'The youngest age on the programme\'s start day' })
  @IsInt()
  @Min(B.programmeAge.min)
  @Max(B.programmeAge.max)
  minAge: number;

  @ApiProperty({
    example: 15,
    minimum: B.programmeAge.min,
    maximum: B.programmeAge.max,
    description: 'The oldest age on the start day; 17 takes every youth not yet 18. Not below minAge (422 `plan_settings_range`)',
  })
  @IsInt()
  @Min(B.programmeAge.min)
  @Max(B.programmeAge.max)
  maxAge: number;

  @ApiProperty({ type: HoursPerWeekRangeDto, description: "An employment's hours a week; outside the range it needs an exceptionReason" })
  @IsObject()
  @ValidateNested()
  @Type(() => HoursPerWeekRangeDto)
  hoursPerWeek: HoursPerWeekRangeDto;

  @ApiProperty({ type: MonthsRangeDto, description: "An employment's length in calendar months; outside the range it needs an exceptionReason" })
  @IsObject()
  @ValidateNested()
  @Type(() => MonthsRangeDto)
  months: MonthsRangeDto;

  @ApiProperty({ example: 18, minimum: B.targetPerYear.min, maximum: B.targetPerYear.max, description: 'Programmes to start a year; the half-year report counts against it' })
  @IsInt()
  @Min(B.targetPerYear.min)
  @Max(B.targetPerYear.max)
  targetPerYear: number;
}

/**
 * The whole settings document: PUT replaces every value, so every field is required, except the
 * account settings added later (issue 20), which keep their value when left out so that a client
 * written before them does not reset them.
 */
export class PlanSettingsDto {
  @ApiProperty({ example: 15, minimum: B.guardianConsentBelowAge.min, maximum: B.guardianConsentBelowAge.max, description: 'Below this age only a registered guardian can give consent' })
  @IsInt()
  @Min(B.guardianConsentBelowAge.min)
  @Max(B.guardianConsentBelowAge.max)
  guardianConsentBelowAge: number;

  @ApiProperty({ example: 5, minimum: B.suppressionThreshold.min, maximum: B.suppressionThreshold.max, description: 'Counts below this are shown as "<N" in exported tables' })
  @IsInt()
  @Min(B.suppressionThreshold.min)
  @Max(B.suppressionThreshold.max)
  suppressionThreshold: number;

  @ApiProperty({ example: 60, minimum: B.retentionMonths.min, maximum: B.retentionMonths.max, description: 'A resident with nothing going on for this long is erased (reason `retention`)' })
  @IsInt()
  @Min(B.retentionMonths.min)
  @Max(B.retentionMonths.max)
  retentionMonths: number;

  @ApiProperty({ type: JobProgrammeSettingsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => JobProgrammeSettingsDto)
  jobProgramme: JobProgrammeSettingsDto;

  @ApiPropertyOptional({
    example: 90,
    minimum: B.deactivateUnusedAccountsAfterDays.min,
    maximum: B.deactivateUnusedAccountsAfterDays.max,
    description: 'An account not signed in (or refreshed) for this many days is deactivated by the nightly job, and the leaders are told; left out: unchanged',
  })
  @IsOptional()
  @IsInt()
  @Min(B.deactivateUnusedAccountsAfterDays.min)
  @Max(B.deactivateUnusedAccountsAfterDays.max)
  deactivateUnusedAccountsAfterDays?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    type: String,
    nullable: true,
    description:
      'For a plan with a single leader: an active leader, counsellor or social worker of the plan who may approve grants of roles that read case notes ' +
      '(besides the leaders and the platform admin; never their own or those they asked for). null: none; left out: unchanged',
  })
  @Nullable()
  @IsOptional()
  @IsUUID()
  approverUserId?: string | null;

  @ApiPropertyOptional({ description: 'Whether an account linked to single sign-on keeps its local password (default false: it loses it when linked); left out: unchanged' })
  @IsOptional()
  @IsBoolean()
  ssoKeepsLocalPassword?: boolean;
}
