import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FORM_BODY_LIMIT_BYTES } from '../../../common/form-body';

/** The IdP's answer as the SAML HTTP-POST binding sends it: an HTML form the browser posts. */
export class SamlAcsForm {
  @ApiProperty({ description: 'The base64 SAML Response' })
  @IsString()
  // Some IdPs wrap the base64 in lines.
  @Matches(/^[A-Za-z0-9+/=\r\n]+$/, { message: 'SAMLResponse must be base64' })
  @MaxLength(FORM_BODY_LIMIT_BYTES)
  SAMLResponse: string;

  @ApiProperty({ required: false, description: 'The sign-in state the AuthnRequest carried; without it (IdP-initiated) the answer is refused' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  RelayState?: string;
}
