import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The WebAuthn options as the browser's PublicKeyCredential.parseCreationOptionsFromJSON() and
// parseRequestOptionsFromJSON() (or @simplewebauthn/browser) take them: byte strings in base64url.

export class RelyingPartyResponse {
  @ApiProperty({ example: 'localhost', description: 'The site the passkey belongs to (WEBAUTHN_RP_ID)' }) id?: string;
  @ApiProperty({ example: 'Helhedsplan' }) name: string;
}

export class PasskeyUserResponse {
  @ApiProperty({ description: 'The user handle (base64url); no personal data' }) id: string;
  @ApiProperty({ example: 'raadgiver@ishoj.demo' }) name: string;
  @ApiProperty({ example: 'Rasmus Rådgiver' }) displayName: string;
}

export class PublicKeyAlgorithmResponse {
  @ApiProperty({ enum: ['public-key'] }) type: string;
  @ApiProperty({ example: -7, description: 'A COSE algorithm (-7 ES256, -8 EdDSA, -257 RS256)' }) alg: number;
}

export class CredentialDescriptorResponse {
  @ApiProperty({ description: 'The credential id (base64url)' }) id: string;
  @ApiProperty({ enum: ['public-key'] }) type: string;
  @ApiProperty({ type: [String], required: false, example: ['internal', 'hybrid'] }) transports?: string[];
}

export class AuthenticatorSelectionResponse {
  @ApiProperty({ enum: ['platform', 'cross-platform'], required: false }) authenticatorAttachment?: string;
  @ApiProperty({ required: false }) requireResidentKey?: boolean;
  @ApiProperty({ enum: ['discouraged', 'preferred', 'required'], required: false }) residentKey?: string;
  @ApiProperty({ enum: ['discouraged', 'preferred', 'required'], required: false }) userVerification?: string;
}

/** For navigator.credentials.create(); the challenge is valid for 5 minutes and once. */
export class PasskeyRegistrationOptionsResponse {
  @ApiProperty({ description: 'base64url; sign it with the new passkey within 5 minutes' }) challenge: string;
  @ApiProperty({ type: RelyingPartyResponse }) rp: RelyingPartyResponse;
  @ApiProperty({ type: PasskeyUserResponse }) user: PasskeyUserResponse;
  @ApiProperty({ type: [PublicKeyAlgorithmResponse] }) pubKeyCredParams: PublicKeyAlgorithmResponse[];
  @ApiProperty({ required: false, example: 60000, description: 'Milliseconds the browser waits for the user' }) timeout?: number;
  @ApiProperty({ type: [CredentialDescriptorResponse], required: false, description: 'Your passkeys already registered, which the browser will not register again' })
  excludeCredentials?: CredentialDescriptorResponse[];
  @ApiProperty({ type: AuthenticatorSelectionResponse, required: false }) authenticatorSelection?: AuthenticatorSelectionResponse;
  @ApiProperty({ enum: ['none', 'indirect', 'direct', 'enterprise'], required: false }) attestation?: string;
  @ApiProperty({ type: [String], required: false }) hints?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { credProps: true } }) extensions?: object;
}

/** For navigator.credentials.get() at sign-in; the challenge is valid for 5 minutes and once. */
export class PasskeySignInOptionsResponse {
  @ApiProperty({ description: 'base64url; sign it with one of your passkeys within 5 minutes' }) challenge: string;
  @ApiProperty({ required: false, example: 'localhost' }) rpId?: string;
  @ApiProperty({ type: [CredentialDescriptorResponse], required: false, description: 'Your passkeys' }) allowCredentials?: CredentialDescriptorResponse[];
  @ApiProperty({ required: false, example: 60000 }) timeout?: number;
  @ApiProperty({ enum: ['discouraged', 'preferred', 'required'], required: false }) userVerification?: string;
  @ApiProperty({ type: [String], required: false }) hints?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) extensions?: object;
}

export class PasskeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'YubiKey på nøgleringen' }) name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The last sign-in with it' }) lastUsedAt: Date | null;
}

export class PasskeyPage {
  @ApiProperty({ type: [PasskeyResponse] }) items: PasskeyResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: a user has a handful of passkeys' }) nextCursor: string | null;
}
