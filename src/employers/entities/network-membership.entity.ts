import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A period in which the employer is a member of the plan's employer network (004: the network's half-yearly meetings). */
@Entity('employer_network_memberships')
export class NetworkMembership {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** The last day of membership; null while it runs. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
