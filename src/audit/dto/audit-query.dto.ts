import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../../common/instant.decorator';
import { PageQuery } from '../../common/pagination';

export class AuditQuery extends PageQuery {
  /** Only events about this resident. */
  @IsOptional()
  @IsUUID()
  residentId?: string;

  /** Only events caused by this user. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** From this instant (inclusive), ISO 8601. */
  @IsOptional()
  @IsInstant({ searchBound: true })
  from?: Date;

  /** Up to this instant (exclusive), ISO 8601. */
  @IsOptional()
  @IsInstant({ searchBound: true })
  to?: Date;

  /** Admin only: the plan to read; a leader always reads their own plan. */
  @IsOptional()
  @IsUUID()
  planId?: string;
}
