import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A housing area (boligområde/afdeling), e.g. Vejleåparken. */
@Entity('housing_areas')
export class HousingArea {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  name: string;

  /** Whether youth living here may join the leisure-job programme. */
  @Column({ name: 'job_programme_eligible', type: 'boolean', default: false })
  jobProgrammeEligible: boolean;

  /** Raised by every edit (PATCH); a change made on an older one is 409 `stale_version`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
