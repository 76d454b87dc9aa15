import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_METRICS, TARGET_KINDS, type IndicatorMetric, type TargetKind } from '../plan-indicator.entity';

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Øge de unges viden om arbejdsmarkedet' }) goal: string;
  @ApiProperty({ example: 'Antal unge, der starter et fritidsjobforløb' }) indicator: string;
  @ApiProperty({ example: 'unge pr. år' }) unit: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 12 }) baseline: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2024 }) baselineYear: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'LBF - Beboerdata' }) baselineSource: string | null;
  @ApiProperty({ example: 'Helhedsplanens registreringer' }) dataSource: string;
  @ApiProperty({ type: Number, nullable: true, example: 18 }) target: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2029 }) targetYear: number | null;
  @ApiProperty({ enum: TARGET_KINDS, description: '`yearly`: an amount per year (half of it per half-year); `half_yearly`: an amount per half-year; `level`: a share or level to reach' }) targetKind: TargetKind;
  @ApiProperty({ enum: INDICATOR_METRICS, nullable: true, description: 'Set when the system computes the value itself' }) metric: IndicatorMetric | null;
  @ApiProperty({ type: 'integer', example: 1, description: 'Send it back with a change (PATCH); 409 `stale_version` when it has moved on' }) version: number;
}

export class IndicatorList {
  @ApiProperty({ type: [IndicatorResponse] }) items: IndicatorResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a plan has a handful of indicators, all in one answer' }) nextCursor: string | null;
}
