import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The plan's local CSR prize for a year (001 Ishøj): its winner, the other nominees and why. */
@Entity('csr_awards')
export class CsrAward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ name: 'nominee_ids', type: 'uuid', array: true })
  nomineeIds: string[];

  /** Why the employer won, in the jury's words: about the employer, at most 500 characters. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
