import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditEvent } from './audit-event.entity';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditWriter } from './audit-writer';
import { RefusedReadAudit } from './refused-reads';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  controllers: [AuditController],
  providers: [AuditWriter, AuditService, AuditRepository, RefusedReadAudit],
  exports: [AuditWriter, RefusedReadAudit],
})
export class AuditModule {}
