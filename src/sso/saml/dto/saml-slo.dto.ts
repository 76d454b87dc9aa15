import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { FORM_BODY_LIMIT_BYTES } from '../../../common/form-body';

/** A logout message is a few KB; deflated and URL-encoded in a query, less. */
const MESSAGE_MAX_LENGTH = 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/=\r\n]+$/;

/** The IdP's logout message by the HTTP-Redirect binding: deflated, base64, signed over the query. */
export class SamlSloQuery {
  @ApiProperty({ required: false, description: 'The IdP\'s LogoutRequest (deflated, base64)' })
  @IsOptional()
  @IsString()
  @MaxLength(MESSAGE_MAX_LENGTH)
  SAMLRequest?: string;

  @ApiProperty({ required: false, description: 'The IdP\'s LogoutResponse to our LogoutRequest (deflated, base64)' })
  @IsOptional()
  @IsString()
  @MaxLength(MESSAGE_MAX_LENGTH)
  SAMLResponse?: string;

  @ApiProperty({ required: false, description: 'Returned unchanged with our answer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  RelayState?: string;

  @ApiProperty({ required: false, description: 'The signature algorithm (SHA-1 is refused)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  SigAlg?: string;

  @ApiProperty({ required: false, description: 'The signature over the query (base64)' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  Signature?: string;
}

/** The IdP's logout message by the HTTP-POST binding: base64 XML with an enveloped signature. */
export class SamlSloForm {
  @ApiProperty({ required: false, description: 'The IdP\'s LogoutRequest (base64)' })
  @IsOptional()
  @IsString()
  @Matches(BASE64, { message: 'SAMLRequest must be base64' })
  @MaxLength(FORM_BODY_LIMIT_BYTES)
  SAMLRequest?: string;

  @ApiProperty({ required: false, description: 'The IdP\'s LogoutResponse to our LogoutRequest (base64)' })
  @IsOptional()
  @IsString()
  @Matches(BASE64, { message: 'SAMLResponse must be base64' })
  @MaxLength(FORM_BODY_LIMIT_BYTES)
  SAMLResponse?: string;

  @ApiProperty({ required: false, description: 'Returned unchanged with our answer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  RelayState?: string;
}

export class SamlLogoutResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    description: 'Where to send the browser to log out at the identity provider too (our signed LogoutRequest); null when the session was not opened by a SAML provider',
  })
  logoutUrl: string | null;
}
