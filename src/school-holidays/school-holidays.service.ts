import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { NotFound, RuleViolation } from '../common/domain-errors';
import type { Page, PageQuery } from '../common/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import type { AddSchoolHolidayDto } from './dto/school-holiday.dto';
import type { SchoolHolidayResponse } from './dto/school-holiday-response.dto';
import type { SchoolHoliday } from './school-holiday.entity';
import type { SchoolHolidaysProblem } from './school-holidays-problems';
import { SchoolHolidaysRepository } from './school-holidays.repository';
import type { HolidayPeriod } from './school-weeks';

export const schoolHolidayView = (h: SchoolHoliday): SchoolHolidayResponse => ({
  id: h.id,
  name: h.name,
  startsOn: h.startsOn,
  endsOn: h.endsOn,
  createdBy: h.createdBy,
  createdAt: h.createdAt,
});

/**
 * The plan's school calendar: the holidays of the schools its youth attend. It tells school weeks
 * from school-free weeks for the young-worker limits. It holds no personal data, so reading and
 * changing it is not audited.
 */
@Injectable()
export class SchoolHolidaysService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holidays: SchoolHolidaysRepository,
  ) {}

  async add(actor: PlanActor, dto: AddSchoolHolidayDto): Promise<SchoolHolidayResponse> {
    if (dto.endsOn < dto.startsOn) {
      throw new RuleViolation([{ field: 'endsOn', rule: 'holiday_period', message: 'endsOn must not be before startsOn' }], 'holiday_period' satisfies SchoolHolidaysProblem);
    }
    return this.uow.run(async (manager) => {
      const saved = await this.holidays.insert(manager, { planId: actor.planId, name: dto.name.trim(), startsOn: dto.startsOn, endsOn: dto.endsOn, createdBy: actor.userId });
      return schoolHolidayView(saved);
    });
  }

  /** The plan's holidays, latest first. */
  list(actor: PlanActor, query: PageQuery): Promise<Page<SchoolHolidayResponse>> {
    return this.holidays.page(this.dataSource.manager, actor, query, schoolHolidayView);
  }

  async remove(actor: PlanActor, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      if (!(await this.holidays.remove(manager, actor, id))) throw new NotFound('School holiday');
    });
  }

  /** For the young-worker rules of job programmes: the plan's holidays that touch the days from `from` to `to`, on the caller's transaction. */
  holidaysBetween(manager: EntityManager, planId: string, from: string, to: string): Promise<HolidayPeriod[]> {
    return this.holidays.between(manager, { planId }, from, to);
  }
}
