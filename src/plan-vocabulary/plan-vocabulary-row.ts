import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The columns every table of a plan's own words has (counselling_topics, activity_kinds): see plan-vocabulary.ts. */
export abstract class PlanVocabularyRow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  label: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
