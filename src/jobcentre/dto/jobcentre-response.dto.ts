import { ApiProperty } from '@nestjs/swagger';
import { CRITERIA, END_REASONS, TARGET_GROUPS, type Criterion, type EndReason, type TargetGroup } from '../jobcentre-rules';

export class JobcentreQuarterResponse {
  @ApiProperty({ example: '2026-Q1' }) quarter: string;
  @ApiProperty() active: boolean;
}

/** An enrolment as the list shows it: facts only, no free text about the person. */
export class JobcentreEnrolmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'Helle Jensen', description: 'The person\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ example: 'Fremskudt jobcenter' }) effort: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty({ enum: CRITERIA, isArray: true }) criteriaMet: Criterion[];
  @ApiProperty({ format: 'date' }) startedOn: string;
  @ApiProperty({ description: 'true until the enrolment is ended with a reason' }) running: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endedOn: string | null;
  @ApiProperty({ enum: END_REASONS, nullable: true }) endReason: EndReason | null;
  @ApiProperty({ type: [JobcentreQuarterResponse], description: 'The quarters marked so far, oldest first' }) quarters: JobcentreQuarterResponse[];
  @ApiProperty({ type: 'integer', description: 'Send it back when changing; 409 `stale_version` when it has moved on' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class JobcentreEnrolmentPage {
  @ApiProperty({ type: [JobcentreEnrolmentResponse] }) items: JobcentreEnrolmentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A count per key; for the leader a small count is a string such as "<5" or "skjult". */
const countsOf = (keys: readonly string[]) => ({
  type: 'object' as const,
  additionalProperties: false,
  properties: Object.fromEntries(keys.map((k) => [k, { oneOf: [{ type: 'integer' }, { type: 'string' }] }])),
});

export class JobcentreFiguresResponse {
  @ApiProperty({ example: '2026-Q1' }) period: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date', description: 'The first day after the period' }) to: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Enrolments running on at least one day of the period; for the leader, a string like "<5" when small' }) covered: number | string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Of those, enrolments marked active in at least one quarter of the period' }) active: number | string;
  @ApiProperty(countsOf(TARGET_GROUPS)) byTargetGroup: Record<TargetGroup, number | string>;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Enrolments whose first day is in the period' }) started: number | string;
  @ApiProperty(countsOf(END_REASONS)) endedByReason: Record<EndReason, number | string>;
  @ApiProperty({ type: Number, nullable: true, description: 'active ÷ covered (0-1); null when nobody was covered or, for the leader, when the counts are too small to show' }) activationRate: number | null;
  @ApiProperty({ description: 'Whether small counts were suppressed (the leader\'s view)' }) suppressed: boolean;
}
