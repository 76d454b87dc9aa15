import { ApiProperty } from '@nestjs/swagger';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class VolunteerHelpResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) activityId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Hverdagsrådgivning i Trekanten' }) activityName: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ example: 'mitid' }) topic: string;
  @ApiProperty({ example: 'MitID' }) topicLabel: string;
  @ApiProperty({ type: Number, nullable: true, example: 20 }) minutes: number | null;
  @ApiProperty() escort: boolean;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ description: 'true while the entry may be corrected or removed: recorded today (Danish time) and of today' }) correctable: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class VolunteerHelpPage {
  @ApiProperty({ type: [VolunteerHelpResponse] }) items: VolunteerHelpResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class VolunteerHelpSummary {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-06-30', description: 'Included' }) to: string;
  @ApiProperty({ type: 'integer', description: 'Times someone was helped' }) entries: number;
  @ApiProperty({ type: 'integer', description: 'Minutes recorded (entries without minutes add none)' }) minutes: number;
  @ApiProperty({ ...COUNTS, description: 'Entries by topic key' }) byTopic: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'Entries where the volunteer went along to an appointment' }) escorts: number;
  @ApiProperty({ type: 'integer', description: 'Volunteers with at least one entry in the period' }) activeVolunteers: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Danish label of every topic key in byTopic' }) topicLabels: Record<string, string>;
}

export class VolunteerTopicResponse {
  @ApiProperty({ example: 'mitid' }) key: string;
  @ApiProperty({ example: 'MitID' }) label: string;
  @ApiProperty() builtIn: boolean;
}

export class VolunteerTopicPage {
  @ApiProperty({ type: [VolunteerTopicResponse] }) items: VolunteerTopicResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: all topics fit one page' }) nextCursor: null;
}

export class VolunteerGroupResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Hverdagsrådgivning i Trekanten' }) name: string;
}

export class VolunteerGroupPage {
  @ApiProperty({ type: [VolunteerGroupResponse] }) items: VolunteerGroupResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: all groups fit one page' }) nextCursor: null;
}

export class CoordinatorResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Sara Rådgiver' }) name: string | null;
}
