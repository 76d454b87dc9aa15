import { ApiProperty } from '@nestjs/swagger';
import { SMALL_JOB_AGE_GROUPS, SMALL_JOB_OUTCOMES, type SmallJobAgeGroup, type SmallJobOutcome } from '../small-job-rules';

export class SmallJobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ example: 6 }) hoursPerWeek: number;
  @ApiProperty({ enum: SMALL_JOB_AGE_GROUPS, description: 'The resident\'s age group on the first day, as the report counts it' }) ageGroup: SmallJobAgeGroup;
  @ApiProperty({ description: 'true until the småjob is ended with an outcome' }) running: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: SMALL_JOB_OUTCOMES, nullable: true }) outcome: SmallJobOutcome | null;
  @ApiProperty({ type: 'integer', description: 'Send it back when ending; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** A småjob in a list or on its own, with the names a person needs next to the ids (no free text). */
export class SmallJobDetails extends SmallJobResponse {
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Boligselskabet Vestegnen' }) employerName: string | null;
}

export class SmallJobPage {
  @ApiProperty({ type: [SmallJobDetails] }) items: SmallJobDetails[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
