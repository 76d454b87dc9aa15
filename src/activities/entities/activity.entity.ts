import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WeeklySlot } from '../weekly-slots';

/** Something the plan runs besides counselling cases and job programmes; not personal data. */
@Entity('activities')
export class Activity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  name: string;

  /** null: the whole plan. */
  @Column({ name: 'housing_area_id', type: 'uuid', nullable: true })
  housingAreaId: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'weekly_slots', type: 'jsonb', default: () => `'[]'` })
  weeklySlots: WeeklySlot[];

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'rolling_intake', type: 'boolean', default: false })
  rollingIntake: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
