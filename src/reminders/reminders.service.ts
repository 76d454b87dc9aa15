import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../access/access-policy';
import type { PlanActor } from '../access/actor';
import { AuditWriter } from '../audit/audit-writer';
import { todayInPlanZone } from '../common/time';
import { UnitOfWork } from '../database/unit-of-work';
import { ResidentsRepository } from '../residents/residents.repository';
import type { ReminderList } from './dto/reminder-response.dto';
import { RemindersRepository } from './reminders.repository';

/**
 * Reminders computed set-based by a daily job, and again when a participation consent is given or
 * withdrawn: evaluation conversations due about a month before an employment ends, consents about
 * to expire, and programmes whose guardian has withdrawn the participation consent. The table
 * always holds exactly what is due now; a reminder disappears once the evaluation is recorded,
 * the consent renewed or withdrawn, or the programme has a consent again or is finished.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly reminders: RemindersRepository,
    private readonly residents: ResidentsRepository,
  ) {}

  compute(today = todayInPlanZone()): Promise<number> {
    return this.uow.run((manager) => this.reminders.recompute(manager, today));
  }

  /** The caller's reminders: those of their plan for their role, about residents they may read, soonest first, each resident named. */
  async list(actor: PlanActor): Promise<ReminderList> {
    const manager = this.dataSource.manager;
    const rows = await this.reminders.dueFor(manager, actor, (alias) => this.access.readableResidents(actor, alias));
    await this.audit.recordListed(actor, { action: 'reminder.listed', purpose: 'reminders', entityType: 'reminder' }, rows);
    const names = await this.residents.displayNames(manager, actor, rows.map((r) => r.residentId));
    return { items: rows.map((r) => ({ ...r, residentName: names.get(r.residentId) ?? null })), nextCursor: null };
  }
}
