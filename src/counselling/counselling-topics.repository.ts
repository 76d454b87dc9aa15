import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CounsellingTopic } from './entities/counselling-topic.entity';

/** The counselling_topics table: the topics a plan adds next to the built-in ones. */
@Injectable()
export class CounsellingTopicsRepository {
  ofPlan(manager: EntityManager, planId: string): Promise<CounsellingTopic[]> {
    return manager.getRepository(CounsellingTopic).find({ where: { planId }, order: { key: 'ASC' } });
  }

  exists(manager: EntityManager, planId: string, key: string): Promise<boolean> {
    return manager.getRepository(CounsellingTopic).existsBy({ planId, key });
  }

  add(manager: EntityManager, planId: string, key: string, label: string): Promise<CounsellingTopic> {
    const repo = manager.getRepository(CounsellingTopic);
    return repo.save(repo.create({ planId, key, label }));
  }
}
