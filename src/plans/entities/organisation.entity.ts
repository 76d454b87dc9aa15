import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['municipal', 'housing_association', 'school', 'employer', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A partner organisation of the plan: a municipal centre, the housing association, a school, ... */
@Entity('organisations')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganisationKind;

  /** Raised by every edit (PATCH); a change made on an older one is 409 `stale_version`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
