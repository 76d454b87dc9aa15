import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { ERASURE_REQUEST_REASONS, type ErasureRequestReason } from '../../residents/erasure-reasons';

export const DOCUMENT_FORMATS = ['json', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'json', description: '`pdf`: the whole log as a Danish document to hand to the resident (not paged)' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

export class ResidentExportQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(DOCUMENT_FORMATS)
  format?: DocumentFormat;
}

export class EraseResidentDto {
  @ApiProperty({
    enum: ERASURE_REQUEST_REASONS,
    example: 'resident_request',
    description: 'Why (GDPR Art. 17(1)): the resident asked, the consent was withdrawn, no longer needed, the resident objected, or unlawful processing',
  })
  @IsIn(ERASURE_REQUEST_REASONS)
  reason: ErasureRequestReason;
}
