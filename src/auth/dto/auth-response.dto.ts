import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../access/roles';
import { MFA_METHODS, type MfaMethod } from '../authentication-methods';

export class TokenPairResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ required: false, description: 'Use once at /auth/refresh for a new pair. Absent when the sign-in was sent with `X-Token-Transport: cookie`: it is then the HttpOnly cookie hp_refresh' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) email: string;
  @ApiProperty({ example: 'Rasmus Rådgiver' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) planId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;

  @ApiProperty({
    enum: MFA_METHODS,
    isArray: true,
    description: 'The second factors you have, as a sign-in offers them (`recovery_code` while unused codes are left): what a step-up can ask for; empty when you have none',
  })
  secondFactors: MfaMethod[];

  @ApiProperty({ description: 'Whether your role must sign in with a second factor' })
  mfaRequired: boolean;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Until when this token\'s sign-in (or step-up) lets you read what needs a step-up (case notes, a resident\'s export); null when it never does (no second factor where your role must use one): step up (POST /auth/step-up) first',
  })
  stepUpUntil: string | null;
}

/** A logout of a session that single sign-on opened: the provider's own session ends where the browser is sent. */
export class LogoutResponse {
  @ApiProperty({ format: 'uri', description: 'Send the browser here to sign out at the provider too (OpenID Connect RP-initiated logout); it comes back to the provider\'s returnUrl' })
  providerLogoutUrl: string;
}

/** The first factor is proved; the sign-in goes on at /auth/mfa/* with the mfaToken. */
export class MfaChallengeResponse {
  @ApiProperty({
    enum: ['mfa_required', 'mfa_enrolment_required'],
    description: '`mfa_required`: prove a second factor (one of `methods`); `mfa_enrolment_required`: your role must use a second factor and you have none yet: enrol one (POST /auth/mfa/totp/enrol, then /auth/mfa/totp/confirm; or POST /auth/mfa/passkey/register/options, then /auth/mfa/passkey/register)',
  })
  status: 'mfa_required' | 'mfa_enrolment_required';

  @ApiProperty({ description: 'For the second step only; it expires after 5 minutes and completes one sign-in' })
  mfaToken: string;

  @ApiProperty({ enum: MFA_METHODS, isArray: true, required: false, description: 'The second factors you have (with `mfa_required`)' })
  methods?: MfaMethod[];
}

/** The password (or provider) was right, but the account's role waits for a second person's approval: no session yet. */
export class ApprovalPendingResponse {
  @ApiProperty({
    enum: ['approval_pending'],
    description: 'The account is new (or reactivated) in a role that reads case notes, and signs in once another leader of the plan, its named approver or the platform admin approves it; you get an e-mail then',
  })
  status: 'approval_pending';
}

/** A sign-in's answer: tokens, the second step it still needs, or that the account waits for approval. */
export type SignInResponse = TokenPairResponse | MfaChallengeResponse | ApprovalPendingResponse;

/** Tokens, and the recovery codes made when a first second factor was enrolled (shown this once). */
export class MfaEnrolmentResponse {
  @ApiProperty({ required: false, description: 'When the enrolment completed a sign-in' }) accessToken?: string;
  @ApiProperty({ required: false }) refreshToken?: string;
  @ApiProperty({ required: false, example: 900 }) expiresIn?: number;

  @ApiProperty({
    type: [String],
    required: false,
    example: ['k3x9-m2pq-7rtv-w4hz'],
    description: 'Ten single-use recovery codes for when the app or key is lost; store them safely, they are not shown again. Present only when this was your first second factor.',
  })
  recoveryCodes?: string[];
}

export class TotpEnrolmentResponse {
  @ApiProperty({ description: 'The base32 secret, for typing into an authenticator app' }) secret: string;
  @ApiProperty({ description: 'The same as an otpauth:// URL, for a QR code', example: 'otpauth://totp/Helhedsplan:raadgiver%40ishoj.demo?secret=...&issuer=Helhedsplan' })
  otpauthUrl: string;
}

export class MfaStatusResponse {
  @ApiProperty({ enum: MFA_METHODS, isArray: true, description: 'Your second factors (recovery codes are counted apart)' }) methods: MfaMethod[];
  @ApiProperty({ example: 10 }) recoveryCodesLeft: number;
  @ApiProperty({ description: 'Whether your role must sign in with a second factor' }) required: boolean;
}

export class RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'Ten new single-use codes; the earlier ones no longer work' }) recoveryCodes: string[];
}
