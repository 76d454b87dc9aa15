import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../access/roles';

export class AccessLogActor {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, type: String, nullable: true, description: 'The role the person had when it happened' }) role: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Social- og økonomisk rådgiver', description: 'The role in Danish' }) roleLabel: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Their organisation; null for the plan\'s own staff' }) organisation: string | null;
}

export class AccessLogEntry {
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: AccessLogActor, nullable: true, description: 'null when the system did it (e.g. retention)' }) actor: AccessLogActor | null;
  @ApiProperty({ example: 'counselling_case.read' }) action: string;
  @ApiProperty({ example: 'Læste en rådgivningssag' }) actionLabel: string;
  @ApiProperty({ example: 'counselling', description: 'Why: the compartment\'s own work, or `shared_by_consent`' }) purpose: string;
  @ApiProperty({ example: 'Rådgivning' }) purposeLabel: string;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogEntry] }) items: AccessLogEntry[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ErasureResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: [true] }) anonymous: true;
  @ApiProperty({ example: 'K7M3QX', description: 'What the resident is called from now on' }) pseudonym: string;
}

export class ResidentExportDocument {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: Object, description: 'The resident record' }) resident: object;
  @ApiProperty({ type: [Object] }) guardians: object[];
  @ApiProperty({ type: [Object], description: 'With recipients and any withdrawal' }) consents: object[];
  @ApiProperty({ type: [Object], description: 'With contacts and referrals' }) counsellingCases: object[];
  @ApiProperty({ type: [Object], description: 'With transitions, conversations, matches, employment and timesheets' }) jobProgrammes: object[];
  @ApiProperty({ type: [Object], description: 'Internships for adults, with the employer and outcome' }) internships: object[];
  @ApiProperty({ type: [Object], description: 'The job centre\'s enrolments (fremskudt jobcenter): effort, target group, criteria, dates, end reason, active quarters' }) jobcentreEnrolments: object[];
  @ApiProperty({ type: [Object], description: 'Småjobs, with the employer, hours a week and outcome' }) smallJobs: object[];
  @ApiProperty({ type: [Object], description: 'Door-to-door outreach lists the resident was on: the list, the name and address as the municipality gave them, the visits' }) outreach: object[];
  @ApiProperty({ type: Object, description: 'Activities: `{enrolments, sessions}`, the enrolments and the sessions the resident was named at' }) activities: object;
  @ApiProperty({ type: [AccessLogEntry], description: 'Every read and change of the resident\'s data, newest first' }) accessLog: AccessLogEntry[];
}
