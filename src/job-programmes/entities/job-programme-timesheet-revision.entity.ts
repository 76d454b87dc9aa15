import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../../common/numeric.transformer';

/** A week's hours as they stood before a correction replaced them; never changed. */
@Entity('job_programme_timesheet_revisions')
export class JobProgrammeTimesheetRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'timesheet_id', type: 'uuid' })
  timesheetId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'numeric', precision: 4, scale: 1, transformer: NUMERIC_AS_NUMBER })
  hours: number;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'replaced_at', type: 'timestamptz' })
  replacedAt: Date;
}
