import { ApiProperty } from '@nestjs/swagger';
import { ResidentResponse } from './resident-response.dto';

const SHARING_SCOPES = ['share_counselling', 'share_job_programme'] as const;

/** A consent under which the resident is shared with your organisation, and until when. */
export class SharingConsentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SHARING_SCOPES, description: 'What it shares: the counselling cases, or the job programmes' }) scope: (typeof SHARING_SCOPES)[number];
  @ApiProperty({ example: 'Deling af rådgivningsforløb' }) scopeLabel: string;
  @ApiProperty({ format: 'date-time' }) givenAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the sharing ends by itself; null: until the resident withdraws it' }) expiresAt: Date | null;
  @ApiProperty({ description: 'share_counselling only: whether the case notes and other free text are shared too' }) includesNotes: boolean;
}

/** A resident shared with your organisation by their consent: who, in which housing area, and under which consents. */
export class SharedResidentResponse extends ResidentResponse {
  @ApiProperty({ example: 'Helle Jensen', description: 'The name, or the pseudonym of an anonymous resident' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Vejleåparken' }) housingAreaName: string | null;
  @ApiProperty({ type: [SharingConsentResponse], description: 'The active consents naming your organisation, oldest first; never empty' }) sharedBy: SharingConsentResponse[];
}

export class SharedResidentPage {
  @ApiProperty({ type: [SharedResidentResponse] }) items: SharedResidentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
