import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const MATCH_STATUSES = ['proposed', 'interview_scheduled', 'accepted', 'declined', 'withdrawn'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** A proposed workplace for the youth; at most one match of a programme is accepted. */
@Entity('job_programme_matches')
export class JobProgrammeMatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @Column({ type: 'text', default: 'proposed' })
  status: MatchStatus;

  @Column({ name: 'interview_at', type: 'timestamptz', nullable: true })
  interviewAt: Date | null;

  /** Optimistic concurrency: raised by hand on every status change, so a change on an older read is refused. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
