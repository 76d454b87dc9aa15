import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import { Conflict, InvalidInput } from '../common/domain-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { CounsellingTopicsRepository } from './counselling-topics.repository';
import type { TopicPage, TopicResponse } from './dto/counselling-response.dto';
import { BUILT_IN_TOPICS, isBuiltInTopic } from './topics';
import type { CounsellingProblem } from './counselling-problems';

/** The topics a plan's counsellors choose from: the built-in ones and the plan's own. */
@Injectable()
export class CounsellingTopicsService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly topics: CounsellingTopicsRepository,
  ) {}

  async list(planId: string): Promise<TopicPage> {
    const own = await this.topics.ofPlan(this.dataSource.manager, planId);
    const builtIn = Object.entries(BUILT_IN_TOPICS).map(([key, label]) => ({ key, label, builtIn: true }));
    return { items: [...builtIn, ...own.map((t) => ({ key: t.key, label: t.label, builtIn: false }))], nextCursor: null };
  }

  async add(actor: PlanActor, key: string, label: string): Promise<TopicResponse> {
    return this.uow.run(async (manager) => {
      if (isBuiltInTopic(key) || (await this.topics.exists(manager, actor.planId, key))) {
        throw new Conflict(`The topic "${key}" already exists`, { code: 'topic_exists' satisfies CounsellingProblem });
      }
      const saved = await this.topics.add(manager, actor.planId, key, label);
      return { key: saved.key, label: saved.label, builtIn: false };
    });
  }

  /** A topic the plan knows, or a 400 that names the field. */
  async assertKnown(manager: EntityManager, planId: string, key: string, field = 'topic'): Promise<void> {
    if (isBuiltInTopic(key) || (await this.topics.exists(manager, planId, key))) return;
    throw new InvalidInput([{ field, message: `${field} "${key}" is neither a built-in topic nor one of your plan's own (GET /counselling-topics)` }], 'unknown_topic' satisfies CounsellingProblem);
  }

  /** The label of every topic of the plan, built-in ones from topics.ts; one query for any number of rows. */
  async labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    const own = new Map((await this.topics.ofPlan(manager, planId)).map((t) => [t.key, t.label]));
    return (key) => (isBuiltInTopic(key) ? BUILT_IN_TOPICS[key] : (own.get(key) ?? key));
  }
}
