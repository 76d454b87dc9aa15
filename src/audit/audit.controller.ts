import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/allow.decorator';
import { CurrentActor, type Actor } from '../access/actor';
import { AuditService } from './audit.service';
import { AuditEventPage } from './dto/audit-event-response.dto';
import { AuditQuery } from './dto/audit-query.dto';

@ApiTags('Audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The append-only log of reads and changes of residents' personal data. */
  @ApiOperation({ summary: 'Leader or admin: read the audit log' })
  @Get()
  @Allow('leader', 'admin')
  @ApiOkResponse({ type: AuditEventPage, description: 'A page of audit events, newest first' })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<AuditEventPage> {
    return this.audit.list(actor, query);
  }
}
