import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { ReportStatus } from '../half-year-report.entity';
import { TARGET_BASES, type TargetBasis } from '../../indicators/indicator-targets';
import { TARGET_KINDS, type TargetKind } from '../../indicators/plan-indicator.entity';

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const counts = (description: string) => ({ ...COUNTS, description });

export class ReportParametersResponse {
  @ApiProperty({ example: 1, description: 'The report format the snapshot was computed in' }) formatVersion: number;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ enum: [1, 2] }) half: 1 | 2;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) fromDate: string;
  @ApiProperty({ format: 'date', example: '2026-07-01', description: 'The first day after the period' }) toDate: string;
  @ApiProperty({ example: 'Europe/Copenhagen' }) timeZone: string;
  @ApiProperty({ example: 18 }) targetPerYear: number;
  @ApiProperty({ example: 5, description: 'Counts below this are shown as "<5" in exports' }) suppressionThreshold: number;
}

export class ReportPeriodResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: [1, 2] }) half: 1 | 2;
  @ApiProperty({ description: 'The half-year had not ended when the report was computed' }) interim: boolean;
}

export class CounsellingResultResponse {
  @ApiProperty({ description: 'Cases opened in the period (counting rule: one case is one matter)' }) casesStarted: number;
  @ApiProperty({ description: 'Cases with a contact in the period' }) casesActive: number;
  @ApiProperty() casesClosed: number;
  @ApiProperty() contacts: number;
  @ApiProperty() uniqueResidents: number;
  @ApiProperty() anonymousResidents: number;
  @ApiProperty(counts('Cases started by topic key')) byTopic: Record<string, number>;
  @ApiProperty(counts('Cases started by form')) byForm: Record<string, number>;
  @ApiProperty(counts('Cases started by housing area name')) byHousingArea: Record<string, number>;
  @ApiProperty(counts('Cases started by age band at the end of the period')) byAgeBand: Record<string, number>;
  @ApiProperty(counts('Cases started by gender')) byGender: Record<string, number>;
  @ApiProperty(counts('Contacts by channel')) contactsByChannel: Record<string, number>;
  @ApiProperty(counts('Referrals by recipient')) referralsByRecipient: Record<string, number>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Labels of the plan\'s own topics when the report was computed' })
  topicLabels?: Record<string, string>;
}

export class JobProgrammesResultResponse {
  @ApiProperty() started: number;
  @ApiProperty() targetPerYear: number;
  @ApiProperty(counts('Programmes by phase at the end of the period')) byPhaseAtEnd: Record<string, number>;
  @ApiProperty() ended: number;
  @ApiProperty() toOrdinaryJob: number;
  @ApiProperty({ type: Number, nullable: true }) ordinaryJobShare: number | null;
  @ApiProperty() employersActive: number;
  @ApiProperty() newAgreements: number;
}

export class ConsentsResultResponse {
  @ApiProperty() given: number;
  @ApiProperty() withdrawn: number;
  @ApiProperty() activeAtEnd: number;
}

export class ActivityCountsResponse {
  @ApiProperty({ description: 'Sessions held (occasions, not people)' }) sessions: number;
  @ApiProperty({ description: 'Visits counted at those sessions, anonymous visitors included' }) headcount: number;
  @ApiProperty({ description: 'Named residents counted once: at a session or enrolled during the period' }) uniqueParticipants: number;
}

const BY_KEY = (description: string) => ({ type: 'object', additionalProperties: { $ref: getSchemaPath(ActivityCountsResponse) }, description }) as const;

export class ActivitiesResultResponse {
  @ApiProperty({ description: 'Sessions that started in the period (Danish time)' }) sessions: number;
  @ApiProperty() headcount: number;
  @ApiProperty() uniqueParticipants: number;
  @ApiProperty(BY_KEY('By activity kind key')) byKind: Record<string, ActivityCountsResponse>;
  @ApiProperty(BY_KEY('By housing area name; `whole_plan` for activities of the whole plan')) byHousingArea: Record<string, ActivityCountsResponse>;
  @ApiProperty() enrolmentsStarted: number;
  @ApiProperty() enrolmentsEnded: number;
  @ApiProperty(counts('Enrolments ended in the period by outcome')) enrolmentsByOutcome: Record<string, number>;
  @ApiProperty() internshipsStarted: number;
  @ApiProperty() internshipsEnded: number;
  @ApiProperty({ description: 'Internships that ended in the period with a job' }) internshipsToJob: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Labels of the plan\'s own activity kinds when the report was computed' })
  kindLabels?: Record<string, string>;
}

export class ReferralsResultResponse {
  @ApiProperty(counts('Referrals made in the period by their status at its end')) byStatus: Record<string, number>;
}

export class VolunteersResultResponse {
  @ApiProperty({ type: 'integer', description: 'Volunteers who recorded help in the period' }) activeVolunteers: number;
  @ApiProperty({ type: 'integer', description: 'Times someone was helped' }) entries: number;
  @ApiProperty(counts('Entries by topic key')) byTopic: Record<string, number>;
  @ApiProperty({ type: 'integer', description: 'Entries where the volunteer went along to an appointment' }) escorts: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Labels of the plan\'s own topics when the report was computed' }) topicLabels?: Record<string, string>;
}

export class JobcentreResultResponse {
  @ApiProperty({ description: 'Enrolments in the job centre\'s efforts running on at least one day of the half-year' }) covered: number;
  @ApiProperty({ description: 'Of those, enrolments marked active in at least one of the half-year\'s quarters' }) active: number;
  @ApiProperty(counts('Covered enrolments by target group (6.1-6.8, other)')) byTargetGroup: Record<string, number>;
  @ApiProperty({ description: 'Enrolments whose first day is in the half-year' }) started: number;
  @ApiProperty(counts('Enrolments whose last day is in the half-year, by end reason')) endedByReason: Record<string, number>;
  @ApiProperty({ type: Number, nullable: true, description: 'active ÷ covered (0-1); null when nobody was covered' }) activationRate: number | null;
}

export class EmployersResultResponse {
  @ApiProperty({ description: 'Employers with a logged contact in the period (Danish time), each once' }) approached: number;
  @ApiProperty({ description: 'Cooperation agreements signed in the period' }) newAgreements: number;
  @ApiProperty({ description: 'Employers in the plan\'s network on at least one day of the period' }) networkMembers: number;
  @ApiProperty({ description: 'Sessions in the period that employers came to' }) networkMeetings: number;
  @ApiProperty({ description: 'Employers\' attendances at those sessions' }) meetingAttendances: number;
}

export class SmallJobsResultResponse {
  @ApiProperty({ description: 'Småjobs whose first day is in the period' }) started: number;
  @ApiProperty({ description: 'Småjobs that ended in the period' }) ended: number;
  @ApiProperty(counts('Småjobs ended in the period by outcome: more_hours, ordinary_job, ended')) byOutcome: Record<string, number>;
  @ApiProperty(counts('Småjobs started in the period by the resident\'s age group on the first day: 18-29, 30-64, 65+, unknown')) byAgeGroup: Record<string, number>;
}

export class OutreachResultResponse {
  @ApiProperty({ description: 'Doorbells rung in the period (Danish time), deleted lists\' counts included' }) attempts: number;
  @ApiProperty({ description: 'Attempts where the young person was reached (every outcome but not_home)' }) talked: number;
  @ApiProperty({ description: 'Attempts ending in an accepted offer' }) offersAccepted: number;
  @ApiProperty(counts('Attempts by outcome')) byOutcome: Record<string, number>;
}

export class RecordedIndicatorValueResponse {
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class IndicatorValueResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() goal: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) baselineYear: number | null;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty() dataSource: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The figure of this report the value is computed from' }) metric?: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Computed from the report (`metric`), else the value recorded for the half-year' }) value: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) baselineSource?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) targetYear?: number | null;
  @ApiPropertyOptional({ enum: TARGET_KINDS }) targetKind?: TargetKind;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'The target for this half-year: half of a yearly target, or the level to reach' }) periodTarget?: number | null;
  @ApiPropertyOptional({ enum: TARGET_BASES, description: 'How `periodTarget` was derived from `target`' }) targetBasis?: TargetBasis;
  @ApiPropertyOptional({ type: RecordedIndicatorValueResponse, nullable: true, description: 'The recorded value the report read (source, note, which correction)' }) recordedValue?: RecordedIndicatorValueResponse | null;
}

export class HalfYearResultResponse {
  @ApiProperty({ type: ReportPeriodResponse }) period: ReportPeriodResponse;
  @ApiProperty({ type: CounsellingResultResponse }) counselling: CounsellingResultResponse;
  @ApiProperty({ type: JobProgrammesResultResponse }) jobProgrammes: JobProgrammesResultResponse;
  @ApiProperty({ type: ConsentsResultResponse }) consents: ConsentsResultResponse;
  @ApiPropertyOptional({ type: ActivitiesResultResponse, description: 'Absent in reports computed before activities were recorded' }) activities?: ActivitiesResultResponse;
  @ApiPropertyOptional({ type: ReferralsResultResponse, description: 'Absent in reports computed before referral follow-up' }) referrals?: ReferralsResultResponse;
  @ApiPropertyOptional({ type: VolunteersResultResponse, description: 'Absent in reports computed before volunteers were recorded' }) volunteers?: VolunteersResultResponse;
  @ApiPropertyOptional({ type: JobcentreResultResponse, description: 'The job centre\'s caseload; absent in reports computed before it was recorded' }) jobcentre?: JobcentreResultResponse;
  @ApiPropertyOptional({ type: EmployersResultResponse, description: 'Absent in reports computed before the employer register' }) employers?: EmployersResultResponse;
  @ApiPropertyOptional({ type: SmallJobsResultResponse, description: 'Absent in reports computed before småjobs were recorded' }) smallJobs?: SmallJobsResultResponse;
  @ApiPropertyOptional({ type: OutreachResultResponse, description: 'Absent in reports computed before outreach lists were recorded' }) outreach?: OutreachResultResponse;
  @ApiProperty({ type: [IndicatorValueResponse] }) indicators: IndicatorValueResponse[];
}

export const REPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;

/** A report in a list: everything but its result. */
export class ReportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: [1, 2] }) half: 1 | 2;
  @ApiProperty({ description: 'Each run of a half-year is a new version' }) version: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty() interim: boolean;
  @ApiProperty({ enum: ['requested', 'scheduled'] }) trigger: 'requested' | 'scheduled';
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ format: 'date-time', type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) failureReason: string | null;
  @ApiProperty({ type: ReportParametersResponse }) parameters: ReportParametersResponse;
}

export class ReportResponse extends ReportSummaryResponse {
  @ApiProperty({ type: HalfYearResultResponse, nullable: true, description: 'When completed' }) result: HalfYearResultResponse | null;
}

export class ReportPage {
  @ApiProperty({ type: [ReportSummaryResponse] }) items: ReportSummaryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ReportRequestedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_STATUSES, example: 'queued' }) status: ReportStatus;
  @ApiProperty() version: number;
  @ApiProperty() interim: boolean;
}
