import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsDecimal } from '../../common/decimal.decorator';
import { PageQuery } from '../../common/pagination';
import { INDICATOR_PERIOD_MESSAGE, INDICATOR_PERIOD_PATTERN } from '../indicator-period';
import { INDICATOR_NUMBER } from './indicator.dto';

export class RecordIndicatorValueDto {
  @ApiProperty({ example: '2026-H1', pattern: INDICATOR_PERIOD_PATTERN.source, description: 'A year ("2026"), a half-year ("2026-H1", "2026-H2") or a quarter ("2026-Q1")' })
  @IsString()
  @Matches(INDICATOR_PERIOD_PATTERN, { message: INDICATOR_PERIOD_MESSAGE })
  period: string;

  @ApiProperty({ example: 0.42 })
  @IsDecimal(INDICATOR_NUMBER)
  value: number;

  @ApiPropertyOptional({ example: 'Trivselsmåling, Vejleåparken Skole', description: "Where this value comes from, when not the indicator's data source" })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  source?: string;

  @ApiPropertyOptional({ example: 'Svarprocent 64' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class IndicatorValueQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-H1', description: 'Only this period' })
  @IsOptional()
  @IsString()
  @Matches(INDICATOR_PERIOD_PATTERN, { message: INDICATOR_PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Every revision (the corrections) instead of only the current value of each period' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  history?: boolean;
}
