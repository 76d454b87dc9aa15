import type { EntityManager } from 'typeorm';
import type { PlanActor } from '../access/actor';
import type { AuditWriter } from '../audit/audit-writer';
import { Conflict, InvalidInput } from '../common/domain-errors';
import type { ProblemCode } from '../common/problem-code';
import type { PlanVocabularyRow } from './plan-vocabulary-row';
import { PlanVocabularyRepository } from './plan-vocabulary.repository';

export interface VocabularyEntry {
  key: string;
  label: string;
  builtIn: boolean;
}

export interface VocabularySpec {
  entity: new () => PlanVocabularyRow;
  /** The built-in keys and their Danish labels (the module's one label source). */
  builtIn: Readonly<Record<string, string>>;
  /** What a word is called in messages: "topic", "activity kind". */
  noun: string;
  /** Where the plan's words are listed, named in the message for an unknown key. */
  listPath: string;
  codes: { exists: ProblemCode; unknown: ProblemCode };
  audit: { action: string; purpose: string; entityType: string };
}

/**
 * A plan's own words next to built-in ones, each with a Danish label: a plan's counselling topics
 * (001_*) and its kinds of activity (e.g. Varde's "Social vicevært", 002_*). Listing, adding
 * (audited; a key another request takes at the same moment is a 409, as a key that exists), checking
 * a key and labelling keys, in one place for every module that has such words.
 */
export class PlanVocabulary {
  private readonly words: PlanVocabularyRepository;

  constructor(
    private readonly spec: VocabularySpec,
    private readonly audit: AuditWriter,
  ) {
    this.words = new PlanVocabularyRepository(spec.entity);
  }

  async list(manager: EntityManager, planId: string): Promise<VocabularyEntry[]> {
    const builtIn = Object.entries(this.spec.builtIn).map(([key, label]) => ({ key, label, builtIn: true }));
    const own = (await this.words.ofPlan(manager, planId)).map((row) => ({ key: row.key, label: row.label, builtIn: false }));
    return [...builtIn, ...own];
  }

  /** Adds a word of the plan's own, in the caller's transaction. */
  async add(manager: EntityManager, actor: PlanActor, key: string, label: string): Promise<VocabularyEntry> {
    const id = this.isBuiltIn(key) ? undefined : await this.words.insert(manager, actor.planId, key, label);
    if (!id) throw new Conflict(`The ${this.spec.noun} "${key}" already exists`, { code: this.spec.codes.exists });
    await this.audit.record(actor, { ...this.spec.audit, entityId: id }, manager);
    return { key, label, builtIn: false };
  }

  /** A word the plan knows, or a 400 that names the field. */
  async assertKnown(manager: EntityManager, planId: string, key: string, field: string): Promise<void> {
    if (this.isBuiltIn(key) || (await this.words.has(manager, planId, key))) return;
    throw new InvalidInput(
      [{ field, message: `${field} "${key}" is neither a built-in ${this.spec.noun} nor one of your plan's own (GET ${this.spec.listPath})` }],
      this.spec.codes.unknown,
    );
  }

  /** The label of every word of the plan; one query for any number of rows. */
  async labels(manager: EntityManager, planId: string): Promise<(key: string) => string> {
    const own = new Map((await this.words.ofPlan(manager, planId)).map((row) => [row.key, row.label]));
    return (key) => (this.isBuiltIn(key) ? this.spec.builtIn[key] : (own.get(key) ?? key));
  }

  private isBuiltIn(key: string): boolean {
    return Object.hasOwn(this.spec.builtIn, key);
  }
}
