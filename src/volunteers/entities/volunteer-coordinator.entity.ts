import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The counsellor or social worker a plan's leader names to follow its volunteers: one per plan. */
@Entity('volunteer_coordinators')
export class VolunteerCoordinator {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'named_by', type: 'uuid' })
  namedBy: string;

  @Column({ name: 'named_at', type: 'timestamptz', default: () => 'now()' })
  namedAt: Date;
}
