import { ApiProperty } from '@nestjs/swagger';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { INTERNSHIP_OUTCOMES, type InternshipOutcome } from '../internship-rules';

export class InternshipResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ example: 15 }) hoursPerWeek: number;
  @ApiProperty({ enum: REFERRED_FROM, nullable: true }) referredFrom: ReferredFrom | null;
  @ApiProperty({ description: 'true until the internship is ended with an outcome' }) running: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: INTERNSHIP_OUTCOMES, nullable: true }) outcome: InternshipOutcome | null;
  @ApiProperty({ type: 'integer', description: 'Send it back when ending; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

/** An internship in a list or on its own, with the names a person needs next to the ids. */
export class InternshipDetails extends InternshipResponse {
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Danfoss A/S' }) employerName: string | null;
}

export class InternshipPage {
  @ApiProperty({ type: [InternshipDetails] }) items: InternshipDetails[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
