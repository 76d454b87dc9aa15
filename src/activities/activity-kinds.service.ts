import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { PlanVocabularyService } from '../plan-vocabulary/plan-vocabulary.service';
import { UnitOfWork } from '../database/unit-of-work';
import { BUILT_IN_ACTIVITY_KINDS } from './activity-kinds';
import type { ActivitiesProblem } from './activities-problems';
import { ActivityKind } from './entities/activity-kind.entity';

export const ACTIVITIES_PURPOSE = 'activities';

/** The kinds a plan's activities have: the built-in ones and the plan's own. */
@Injectable()
export class ActivityKindsService extends PlanVocabularyService {
  constructor(uow: UnitOfWork, @InjectDataSource() dataSource: DataSource, audit: AuditWriter) {
    super(
      uow,
      dataSource,
      audit,
      {
        entity: ActivityKind,
        builtIn: BUILT_IN_ACTIVITY_KINDS,
        noun: 'kind',
        listPath: '/activity-kinds',
        codes: { exists: 'activity_kind_exists' satisfies ActivitiesProblem, unknown: 'unknown_activity_kind' satisfies ActivitiesProblem },
        audit: { action: 'activity_kind.added', purpose: ACTIVITIES_PURPOSE, entityType: 'activity_kind' },
      },
      'kind',
    );
  }
}
