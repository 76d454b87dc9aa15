import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsJWT, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MfaTokenDto } from './mfa.dto';

/*
 * The credential a browser answers (WebAuthn Level 3 RegistrationResponseJSON and
 * AuthenticationResponseJSON, as PublicKeyCredential.toJSON() or @simplewebauthn/browser send
 * them). Only the shape is checked here, so that a malformed body is a 400 naming its field;
 * whether it proves anything is the verifier's job (401 passkey_invalid). The bounds are generous
 * for real authenticators (a credential id is at most 1023 bytes; attestation certificates make
 * the attestation object the largest part) and well inside the 64 KB body limit.
 */
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;
const base64url = (field: string) => Matches(BASE64URL, { message: `${field} must be base64url` });

class CredentialDto {
  @ApiProperty({ description: 'The credential id, base64url' })
  @IsString()
  @MinLength(1)
  @MaxLength(1400)
  @base64url('id')
  id: string;

  @ApiProperty({ description: 'The same id (base64url)' })
  @IsString()
  @MinLength(1)
  @MaxLength(1400)
  @base64url('rawId')
  rawId: string;

  @ApiProperty({ enum: ['public-key'] })
  @IsIn(['public-key'])
  type: 'public-key';

  @ApiProperty({ enum: ['platform', 'cross-platform'], required: false })
  @IsOptional()
  @IsIn(['platform', 'cross-platform'])
  authenticatorAttachment?: 'platform' | 'cross-platform';

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The browser\'s extension outputs, often {}' })
  @IsObject()
  clientExtensionResults: Record<string, unknown>;
}

export class AttestationResponseDto {
  @ApiProperty({ description: 'base64url' }) @IsString() @MaxLength(8192) @base64url('clientDataJSON') clientDataJSON: string;
  @ApiProperty({ description: 'base64url' }) @IsString() @MaxLength(32768) @base64url('attestationObject') attestationObject: string;

  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(8192) @base64url('authenticatorData') authenticatorData?: string;
  @ApiProperty({ required: false }) @IsOptional() @IsString() @MaxLength(8192) @base64url('publicKey') publicKey?: string;
  @ApiProperty({ required: false, example: -7 }) @IsOptional() @IsInt() publicKeyAlgorithm?: number;

  @ApiProperty({ type: [String], required: false, example: ['usb'] })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  transports?: string[];
}

export class AssertionResponseDto {
  @ApiProperty({ description: 'base64url' }) @IsString() @MaxLength(8192) @base64url('clientDataJSON') clientDataJSON: string;
  @ApiProperty({ description: 'base64url' }) @IsString() @MaxLength(8192) @base64url('authenticatorData') authenticatorData: string;
  @ApiProperty({ description: 'base64url' }) @IsString() @MaxLength(8192) @base64url('signature') signature: string;
  @ApiProperty({ required: false, description: 'base64url' }) @IsOptional() @IsString() @MaxLength(128) @base64url('userHandle') userHandle?: string;
}

export class RegistrationCredentialDto extends CredentialDto {
  @ApiProperty({ type: AttestationResponseDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AttestationResponseDto)
  response: AttestationResponseDto;
}

export class AuthenticationCredentialDto extends CredentialDto {
  @ApiProperty({ type: AssertionResponseDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AssertionResponseDto)
  response: AssertionResponseDto;
}

export class RegisterPasskeyDto extends MfaTokenDto {
  @ApiProperty({ required: false, example: 'YubiKey på nøgleringen', description: 'Your name for it, to tell your passkeys apart; "Passkey" if left out' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiProperty({ type: RegistrationCredentialDto, description: 'What navigator.credentials.create() answered, as JSON' })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationCredentialDto)
  response: RegistrationCredentialDto;
}

export class PasskeySignInDto {
  @ApiProperty({ description: 'From POST /auth/login' })
  @IsJWT()
  @MaxLength(2000)
  mfaToken: string;

  @ApiProperty({ type: AuthenticationCredentialDto, description: 'What navigator.credentials.get() answered, as JSON' })
  @IsObject()
  @ValidateNested()
  @Type(() => AuthenticationCredentialDto)
  response: AuthenticationCredentialDto;
}

export class PasskeyOptionsDto {
  @ApiProperty({ description: 'From POST /auth/login' })
  @IsJWT()
  @MaxLength(2000)
  mfaToken: string;
}
