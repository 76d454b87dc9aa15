import { ApiProperty } from '@nestjs/swagger';
import { REFERRED_FROM, type ReferredFrom } from '../../residents/referred-from';
import { REFERRAL_STATUSES, type ReferralStatus } from '../referrals/referral-status-machine';
import { CONTACT_CHANNELS, COUNSELLING_FORMS, type ContactChannel, type CounsellingForm } from '../topics';

const WITHHELD = 'null when free text is not shared with you (`freeTextShared: false`)';

/** A case without its free text: what a list shows (free text only where step-up guards the read: GET /counselling-cases/:id). */
export class CaseSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ example: 'debt' }) topic: string;
  @ApiProperty({ enum: COUNSELLING_FORMS }) form: CounsellingForm;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ format: 'date-time' }) openedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ description: 'Send it with close or reopen; a stale one answers 409 `stale_version`' }) version: number;
  @ApiProperty({ enum: REFERRED_FROM, nullable: true, description: 'Who brought the resident to counselling' }) referredFrom: ReferredFrom | null;
  @ApiProperty({ description: 'Whether subject, outcome, notes and referral reasons are shown to you (in the case\'s own read)' }) freeTextShared: boolean;
}

export class CaseResponse extends CaseSummary {
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) subject: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) outcome: string | null;
}

/**
 * A case in a list, with what a person needs to read the row: who it is about and the topic's
 * label. No subject or outcome: a list is not guarded by step-up (issue 20).
 */
export class CaseListItem extends CaseSummary {
  @ApiProperty({ example: 'Helle Jensen', description: 'The resident\'s name, or the pseudonym of an anonymous resident' }) residentName: string;
  @ApiProperty({ example: 'Gæld', description: 'The topic\'s Danish label (a plan\'s own topics: the label it was given)' }) topicLabel: string;
}

export class CasePage {
  @ApiProperty({ type: [CaseListItem] }) items: CaseListItem[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel: ContactChannel;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) withAppointment: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) note: string | null;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
}

/** A case just opened, with the contact recorded in the same call (`firstContact`), if any. */
export class OpenedCaseResponse extends CaseResponse {
  @ApiProperty({ type: ContactResponse, nullable: true, description: 'The first contact, when the case was opened with one' }) firstContact: ContactResponse | null;
}

export class ReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) recipientName: string | null;
  @ApiProperty({ type: String, nullable: true, description: WITHHELD }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) referredAt: Date;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ enum: REFERRAL_STATUSES, description: 'Where the follow-up stands (GET /referrals has its history)' }) status: ReferralStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed; null while it is `sent`' }) statusChangedAt: Date | null;
}

export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({ description: 'Same as freeTextShared; kept for clients that know it' }) notesShared: boolean;
  @ApiProperty({ type: [ContactResponse] }) contacts: ContactResponse[];
  @ApiProperty({ type: [ReferralResponse] }) referrals: ReferralResponse[];
}

export class TopicResponse {
  @ApiProperty({ example: 'debt' }) key: string;
  @ApiProperty({ example: 'Gæld' }) label: string;
  @ApiProperty() builtIn: boolean;
}

export class TopicPage {
  @ApiProperty({ type: [TopicResponse] }) items: TopicResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: all topics fit one page' }) nextCursor: null;
}

/** The resident's consent that allows a referral, or the one nearest to it: a refusal and the referral form name it. */
export class ConsentSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending', 'active', 'withdrawn', 'expired'] }) status: 'pending' | 'active' | 'withdrawn' | 'expired';
  @ApiProperty({ example: 'share_counselling' }) scope: string;
  @ApiProperty({ format: 'date-time' }) givenAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt: Date | null;
  @ApiProperty({ type: [String], format: 'uuid' }) recipientOrganisationIds: string[];
  @ApiProperty({ description: 'Whether it names the organisation in question' }) namesRecipient: boolean;
}

export class ReferralRecipientResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'Center for Beskæftigelse og Erhverv' }) name: string;
  @ApiProperty({ example: 'municipal' }) kind: string;
  @ApiProperty({ description: 'Whether the resident\'s active share_counselling consent names this organisation: a referral to it will be accepted' }) consentAllows: boolean;
  @ApiProperty({ type: ConsentSummary, nullable: true, description: 'The consent that allows it; else the latest naming it (withdrawn, expired) or the latest at all; null when the resident never gave one' })
  consent: ConsentSummary | null;
}

export class ReferralRecipientPage {
  @ApiProperty({ type: [ReferralRecipientResponse] }) items: ReferralRecipientResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: every organisation of the plan is listed' }) nextCursor: string | null;
}
