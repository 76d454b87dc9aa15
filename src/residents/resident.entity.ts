import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Compartment } from '../access/roles';

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** How genders read in Danish, in the app and in the board's reports. */
export const GENDER_LABELS: Record<Gender, string> = { female: 'Kvinde', male: 'Mand', other: 'Andet', unknown: 'Ukendt' };

/** A resident (beboer) the plan works with. Anonymous residents carry only a pseudonym, never identity. */
@Entity('residents')
export class Resident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'housing_area_id', type: 'uuid' })
  housingAreaId: string;

  @Column({ type: 'text' })
  compartment: Compartment;

  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Column({ type: 'text', nullable: true })
  pseudonym: string | null;

  @Column({ name: 'first_name', type: 'text', nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'text', nullable: true })
  lastName: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear: number | null;

  @Column({ type: 'text', default: 'unknown' })
  gender: Gender;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  /**
   * Registered (or changed) although residents with the same name and birth date or the same phone
   * were named as possible duplicates: a person said it is someone else (possible-duplicates.ts).
   */
  @Column({ name: 'confirmed_not_duplicate', type: 'boolean', default: false })
  confirmedNotDuplicate: boolean;

  /** When the resident's personal data was erased (on request or by retention); they are anonymous since. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** Optimistic concurrency: a PATCH that names an older version is refused (stale_version). */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
