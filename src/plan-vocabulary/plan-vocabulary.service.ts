import type { DataSource, EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import type { AuditWriter } from '../audit/audit-writer';
import type { UnitOfWork } from '../database/unit-of-work';
import { PlanVocabulary, type VocabularyEntry, type VocabularySpec } from './plan-vocabulary';

/**
 * What a module with a plan's own words offers its controller and its other services: listing,
 * adding (in its own transaction), checking and labelling. A module's service extends this with its
 * spec (counselling topics, activity kinds, volunteer-help topics).
 */
export abstract class PlanVocabularyService {
  private readonly vocabulary: PlanVocabulary;

  protected constructor(
    private readonly uow: UnitOfWork,
    private readonly dataSource: DataSource,
    audit: AuditWriter,
    spec: VocabularySpec,
    /** The request field a word of this vocabulary arrives in, named in a refusal. */
    private readonly field: string,
  ) {
    this.vocabulary = new PlanVocabulary(spec, audit);
  }

  async list(planId: string): Promise<{ items: VocabularyEntry[]; nextCursor: null }> {
    return { items: await this.vocabulary.list(this.dataSource.manager, planId), nextCursor: null };
  }

  add(actor: PlanActor, key: string, label: string): Promise<VocabularyEntry> {
    return this.uow.run((manager) => this.vocabulary.add(manager, actor, key, label));
  }

  /** A word the plan knows, or a 400 that names the field. */
  assertKnown(manager: EntityManager, planId: string, key: string, field = this.field): Promise<void> {
    return this.vocabulary.assertKnown(manager, planId, key, field);
  }

  /** The label of every word of the plan, built-in ones from the module's list; one query for any number of rows. */
  labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    return this.vocabulary.labels(manager, planId);
  }
}
