import { ApiProperty } from '@nestjs/swagger';

export class IndicatorPeriodValueResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) indicatorId: string;
  @ApiProperty({ example: '2026-H1' }) period: string;
  @ApiProperty({ example: 0.42 }) value: number;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: 'integer', example: 1, description: '1 for the first value of the period; each correction is the next revision' }) revision: number;
  @ApiProperty({ description: 'Whether this is the current value of its period (no later correction)' }) current: boolean;
  @ApiProperty({ format: 'uuid', type: String, nullable: true }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class IndicatorPeriodValuePage {
  @ApiProperty({ type: [IndicatorPeriodValueResponse] }) items: IndicatorPeriodValueResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
