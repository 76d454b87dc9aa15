import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import { IsDecimal } from '../../common/decimal.decorator';
import { Nullable } from '../../common/validation';
import { INDICATOR_METRICS, TARGET_KINDS, type IndicatorMetric, type TargetKind } from '../plan-indicator.entity';

// A plan's indicators are counts, shares and amounts: nothing beyond a billion, at most 4 decimals.
export const INDICATOR_NUMBER = { places: 4, min: -1_000_000_000, max: 1_000_000_000 };

const TARGET_KIND_DESCRIPTION =
  '`yearly`: the target is an amount per year (a half-year report shows half of it); `half_yearly`: an amount per half-year; `quarterly`: an amount per quarter (a half-year report shows twice it); `level`: a share or level to reach (shown as it is). Default: `level` for a share or percentage unit, `half_yearly` for a unit "pr. halvår", `quarterly` for a unit "pr. kvartal", else `yearly`';

export class AddIndicatorDto {
  @ApiProperty({ example: 'Øge de unges viden om arbejdsmarkedet', description: 'The goal (delmål) as the sub-agreement words it' })
  @IsString()
  @Length(1, 500)
  goal: string;

  @ApiProperty({ example: 'Antal unge, der starter et fritidsjobforløb' })
  @IsString()
  @Length(1, 500)
  indicator: string;

  @ApiProperty({ example: 'unge pr. år' })
  @IsString()
  @Length(1, 50)
  unit: string;

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsDecimal(INDICATOR_NUMBER)
  baseline?: number;

  @ApiPropertyOptional({ example: 2024 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  baselineYear?: number;

  @ApiPropertyOptional({ example: 'LBF - Beboerdata', description: "Where the baseline comes from, when not the indicator's data source" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  baselineSource?: string;

  @ApiProperty({ example: 'Helhedsplanens registreringer' })
  @IsString()
  @Length(1, 200)
  dataSource: string;

  @ApiPropertyOptional({ example: 18 })
  @IsOptional()
  @IsDecimal(INDICATOR_NUMBER)
  target?: number;

  @ApiPropertyOptional({ example: 2029, description: 'The year the target is to be reached' })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  targetYear?: number;

  @ApiPropertyOptional({ enum: TARGET_KINDS, description: TARGET_KIND_DESCRIPTION })
  @IsOptional()
  @IsIn(TARGET_KINDS)
  targetKind?: TargetKind;

  @ApiPropertyOptional({ example: 'Måles i den årlige trivselsmåling i 8. klasse' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiPropertyOptional({ enum: INDICATOR_METRICS, description: 'Set when the system computes the value itself; leave out for survey or register data' })
  @IsOptional()
  @IsIn(INDICATOR_METRICS)
  metric?: IndicatorMetric;
}

/** PATCH: only the fields sent change; `null` clears the baseline, target and description fields. */
export class UpdateIndicatorDto {
  @ApiPropertyOptional({ example: 'Øge de unges viden om arbejdsmarkedet' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(1, 500)
  goal?: string;

  @ApiPropertyOptional({ example: 'Antal unge, der starter et fritidsjobforløb' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(1, 500)
  indicator?: string;

  @ApiPropertyOptional({ example: 'unge pr. år' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(1, 50)
  unit?: string;

  @ApiPropertyOptional({ example: 'Helhedsplanens registreringer' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @Length(1, 200)
  dataSource?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 12 })
  @Nullable()
  @IsOptional()
  @IsDecimal(INDICATOR_NUMBER)
  baseline?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 2026 })
  @Nullable()
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  baselineYear?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Lokal registrering 2026' })
  @Nullable()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  baselineSource?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 18 })
  @Nullable()
  @IsOptional()
  @IsDecimal(INDICATOR_NUMBER)
  target?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 2029 })
  @Nullable()
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  targetYear?: number | null;

  @ApiPropertyOptional({ enum: TARGET_KINDS, description: TARGET_KIND_DESCRIPTION })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(TARGET_KINDS)
  targetKind?: TargetKind;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', example: 1, description: "The indicator's `version` as you last read it; 409 `stale_version` with `currentVersion` if it has changed since" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
