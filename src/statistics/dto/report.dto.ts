import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';

export class RequestReportDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: [1, 2], example: 1, description: '1 = January-June, 2 = July-December (Europe/Copenhagen)' })
  @IsIn([1, 2])
  half: 1 | 2;
}

export class ReportQuery extends PageQuery {}

export class ExportQuery {
  @ApiProperty({ enum: ['csv', 'xlsx', 'pdf'], example: 'csv' })
  @IsIn(['csv', 'xlsx', 'pdf'])
  format: 'csv' | 'xlsx' | 'pdf';
}
