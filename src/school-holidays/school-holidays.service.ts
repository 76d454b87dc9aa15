import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { NotFound, RuleViolation } from '../common/domain-errors';
import { paginate, type PageQuery } from '../common/pagination';
import { UnitOfWork } from '../database/unit-of-work';
import type { AddSchoolHolidayDto } from './dto/school-holiday.dto';
import { SchoolHoliday } from './school-holiday.entity';
import type { HolidayPeriod } from './school-weeks';

export const schoolHolidayView = (h: SchoolHoliday) => ({ id: h.id, name: h.name, startsOn: h.startsOn, endsOn: h.endsOn, createdBy: h.createdBy, createdAt: h.createdAt });

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
  ) {}

  async add(actor: PlanActor, dto: AddSchoolHolidayDto) {
    if (dto.endsOn < dto.startsOn) {
      throw new RuleViolation([{ field: 'endsOn', rule: 'holiday_period', message: 'endsOn must not be before startsOn' }]);
    }
    return this.uow.run(async (manager) => {
      const repo = manager.getRepository(SchoolHoliday);
      const saved = await repo.save(repo.create({ planId: actor.planId, name: dto.name.trim(), startsOn: dto.startsOn, endsOn: dto.endsOn, createdBy: actor.userId }));
      return schoolHolidayView(saved);
    });
  }

  /** The plan's holidays, latest first. */
  async list(actor: PlanActor, query: PageQuery) {
    const qb = this.dataSource.getRepository(SchoolHoliday).createQueryBuilder('h').where('h.plan_id = :planId', { planId: actor.planId });
    return paginate(qb, query, 'h.starts_on', 'h.id', schoolHolidayView, (h) => ({ at: new Date(`${h.startsOn}T00:00:00Z`), id: h.id }));
  }

  async remove(actor: PlanActor, id: string): Promise<void> {
    await this.uow.run(async (manager) => {
      const result = await manager.getRepository(SchoolHoliday).delete({ id, planId: actor.planId });
      if (!result.affected) throw new NotFound('School holiday');
    });
  }

  /** The plan's holidays that touch the days from `from` to `to`, read on the caller's transaction. */
  async holidaysBetween(manager: EntityManager, planId: string, from: string, to: string): Promise<HolidayPeriod[]> {
    const rows: HolidayPeriod[] = await manager.query(
      `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
         FROM school_holidays WHERE plan_id = $1 AND starts_on <= $3::date AND ends_on >= $2::date`,
      [planId, from, to],
    );
    return rows;
  }
}
