import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsDecimal } from '../../common/decimal.decorator';

// A plan's indicators are counts, shares and amounts: nothing beyond a billion, at most 4 decimals.
const INDICATOR_NUMBER = { places: 4, min: -1_000_000_000, max: 1_000_000_000 };
import { INDICATOR_METRICS, type IndicatorMetric } from '../plan-indicator.entity';

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

  @ApiProperty({ example: 'Helhedsplanens registreringer' })
  @IsString()
  @Length(1, 200)
  dataSource: string;

  @ApiPropertyOptional({ example: 18 })
  @IsOptional()
  @IsDecimal(INDICATOR_NUMBER)
  target?: number;

  @ApiPropertyOptional({ enum: INDICATOR_METRICS, description: 'Set when the system computes the value itself; leave out for survey or register data' })
  @IsOptional()
  @IsIn(INDICATOR_METRICS)
  metric?: IndicatorMetric;
}
