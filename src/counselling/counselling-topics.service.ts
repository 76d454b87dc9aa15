import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { Conflict, InvalidInput } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { CounsellingTopic } from './entities/counselling-topic.entity';
import { BUILT_IN_TOPICS, isBuiltInTopic } from './topics';

export interface TopicView {
  key: string;
  label: string;
  builtIn: boolean;
}

/** The topics a plan's counsellors choose from: the built-in ones and the plan's own. */
@Injectable()
export class CounsellingTopicsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectRepository(CounsellingTopic) private readonly topics: Repository<CounsellingTopic>,
  ) {}

  async list(planId: string): Promise<{ items: TopicView[]; nextCursor: null }> {
    const own = await this.topics.find({ where: { planId }, order: { key: 'ASC' } });
    const builtIn = Object.entries(BUILT_IN_TOPICS).map(([key, label]) => ({ key, label, builtIn: true }));
    return { items: [...builtIn, ...own.map((t) => ({ key: t.key, label: t.label, builtIn: false }))], nextCursor: null };
  }

  async add(actor: PlanActor, key: string, label: string): Promise<TopicView> {
    return this.uow.run(async (manager) => {
      const topics = manager.getRepository(CounsellingTopic);
      if (isBuiltInTopic(key) || (await topics.existsBy({ planId: actor.planId, key }))) {
        throw new Conflict(`The topic "${key}" already exists`);
      }
      const saved = await topics.save(topics.create({ planId: actor.planId, key, label }));
      return { key: saved.key, label: saved.label, builtIn: false };
    });
  }

  /** A topic the plan knows, or a 400 that names the field. */
  async assertKnown(planId: string, key: string, field = 'topic'): Promise<void> {
    if (isBuiltInTopic(key) || (await this.topics.existsBy({ planId, key }))) return;
    throw new InvalidInput([{ field, message: `${field} "${key}" is neither a built-in topic nor one of your plan's own (GET /counselling-topics)` }]);
  }
}
