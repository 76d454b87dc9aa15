import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_METRICS, type IndicatorMetric } from '../plan-indicator.entity';

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Øge de unges viden om arbejdsmarkedet' }) goal: string;
  @ApiProperty({ example: 'Antal unge, der starter et fritidsjobforløb' }) indicator: string;
  @ApiProperty({ example: 'unge pr. år' }) unit: string;
  @ApiProperty({ type: Number, nullable: true, example: 12 }) baseline: number | null;
  @ApiProperty({ type: 'integer', nullable: true, example: 2024 }) baselineYear: number | null;
  @ApiProperty({ example: 'Helhedsplanens registreringer' }) dataSource: string;
  @ApiProperty({ type: Number, nullable: true, example: 18 }) target: number | null;
  @ApiProperty({ enum: INDICATOR_METRICS, nullable: true, description: 'Set when the system computes the value itself' }) metric: IndicatorMetric | null;
}

export class IndicatorList {
  @ApiProperty({ type: [IndicatorResponse] }) items: IndicatorResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a plan has a handful of indicators, all in one answer' }) nextCursor: string | null;
}
