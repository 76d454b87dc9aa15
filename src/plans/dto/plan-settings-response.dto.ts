import { ApiProperty } from '@nestjs/swagger';

export class RangeResponse {
  @ApiProperty({ example: 2 }) min: number;
  @ApiProperty({ example: 6 }) max: number;
}

export class JobProgrammeSettingsResponse {
  @ApiProperty({ example: 13, description: "Age on the programme's start day, both ends included" }) minAge: number;
  @ApiProperty({ example: 15 }) maxAge: number;
  @ApiProperty({ type: RangeResponse, description: "An employment's hours a week; outside it needs an exceptionReason" }) hoursPerWeek: RangeResponse;
  @ApiProperty({ type: RangeResponse, description: "An employment's length in months; outside it needs an exceptionReason" }) months: RangeResponse;
  @ApiProperty({ example: 18, description: 'Programmes to start a year' }) targetPerYear: number;
}

export class PlanSettingsResponse {
  @ApiProperty({ example: 15, description: 'Below this age only a registered guardian can give consent' }) guardianConsentBelowAge: number;
  @ApiProperty({ example: 5, description: 'Counts below this are shown as "<N" in exported tables' }) suppressionThreshold: number;
  @ApiProperty({ example: 60, description: 'A resident with nothing going on for this long is erased' }) retentionMonths: number;
  @ApiProperty({ type: JobProgrammeSettingsResponse }) jobProgramme: JobProgrammeSettingsResponse;
  @ApiProperty({ example: 90, description: 'An account not seen for this many days is deactivated by the nightly job' }) deactivateUnusedAccountsAfterDays: number;
  @ApiProperty({ format: 'uuid', type: String, nullable: true, description: 'Who besides the leaders and the admin may approve grants of roles that read case notes' })
  approverUserId: string | null;
  @ApiProperty({ description: 'Whether an account linked to single sign-on keeps its local password' }) ssoKeepsLocalPassword: boolean;
}
