import { ApiProperty } from '@nestjs/swagger';
import { PlanResponse } from './plan-response.dto';

/** What a new plan has so far: the leader's checklist reads it in one call. */
export class PlanSetupStatusResponse {
  @ApiProperty({ type: PlanResponse }) plan: PlanResponse;
  @ApiProperty({ type: 'integer', example: 3, description: 'Housing areas of the plan (the platform admin adds them)' }) housingAreas: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'Partner organisations of the plan (the platform admin adds them)' }) organisations: number;
  @ApiProperty({ type: 'integer', example: 5, description: 'Active users of the plan other than its leaders' }) staff: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'Invitations sent and neither accepted, revoked nor expired' }) pendingInvitations: number;
  @ApiProperty({ description: "Whether the plan's settings have been saved at least once (until then they are the defaults)" }) settingsSaved: boolean;
  @ApiProperty({ type: 'integer', example: 2, description: 'Activities of the plan' }) activities: number;
  @ApiProperty({ type: 'integer', example: 6, description: 'Indicators of the plan' }) indicators: number;
}
