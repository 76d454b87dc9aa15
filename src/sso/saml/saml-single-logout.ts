import { API_PREFIX } from '../../common/api-prefix';
import type { SamlProviderConfig } from '../sso-provider-config';
import type { SsoSessionLink } from '../../users/sessions.repository';
import type { SamlKeys } from './saml-keys';
import { logoutRequestXml, logoutResponseXml, newMessageId, readIdpLogoutRequest, readIdpLogoutResponse, type IdpLogoutRequest, type IdpLogoutResponse, type LogoutExpectations } from './saml-logout-messages';
import { readSignedRedirect, signedRedirectUrl } from './saml-redirect';
import type { RedisSamlRequestCache } from './saml-request-cache';
import { SAML_CLOCK_SKEW_MS, SamlRefusal, STATUS_SUCCESS } from './saml-xml';

/** A logout message is delivered by the browser within seconds; one issued longer ago than this is refused. */
const LOGOUT_MESSAGE_MAX_AGE_MS = 5 * 60_000;
const PARTIAL_LOGOUT = 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout';

/** A logout message as it arrived: in the query (HTTP-Redirect) or in a form post (HTTP-POST). */
export type SloInput = { binding: 'redirect'; rawQuery: string } | { binding: 'post'; SAMLRequest?: string; SAMLResponse?: string; RelayState?: string };

export type IdpLogoutMessage = ({ kind: 'request' } & IdpLogoutRequest) | ({ kind: 'response' } & IdpLogoutResponse);

/**
 * SAML single logout (profiles 4.4) with one IdP, at our SingleLogoutService
 * (`<PUBLIC_URL>/api/v1/auth/saml/<id>/slo`, HTTP-Redirect and HTTP-POST): the IdP's
 * LogoutRequest is verified (signature, issuer, destination, age and NotOnOrAfter, never twice)
 * and answered with our signed LogoutResponse; our own LogoutRequest names the person (NameID)
 * and the IdP's session (SessionIndex), and the IdP's LogoutResponse to it is taken once.
 * We send by HTTP-Redirect, as Context Handler expects.
 */
export class SamlSingleLogout {
  readonly sloUrl: string;
  private readonly idpLogoutUrl: string;

  constructor(
    private readonly provider: SamlProviderConfig,
    private readonly keys: SamlKeys,
    publicUrl: string,
    private readonly cache: RedisSamlRequestCache,
    private readonly signatureAlgorithmUri: string,
  ) {
    this.sloUrl = `${publicUrl.replace(/\/$/, '')}/${API_PREFIX}/auth/saml/${provider.id}/slo`;
    this.idpLogoutUrl = provider.logoutUrl ?? provider.entryPoint;
  }

  private get expectations(): LogoutExpectations {
    return {
      sloUrl: this.sloUrl,
      idpEntityId: this.provider.idpEntityId,
      idpCertPems: this.keys.idpCertPems,
      decryptionKeyPems: this.keys.spKeys.map((key) => key.keyPem),
      clockSkewMs: SAML_CLOCK_SKEW_MS,
      maxAgeMs: LOGOUT_MESSAGE_MAX_AGE_MS,
    };
  }

  /** Where to send the browser to log the person out at the IdP too: our signed LogoutRequest. */
  async requestUrl(link: SsoSessionLink): Promise<string> {
    const id = newMessageId();
    await this.cache.rememberLogoutRequest(id);
    const xml = logoutRequestXml({ id, issuer: this.provider.spEntityId, destination: this.idpLogoutUrl, nameId: link.subject, sessionIndex: link.sessionId, now: new Date() });
    return signedRedirectUrl(this.idpLogoutUrl, 'SAMLRequest', xml, undefined, this.keys.spKeys[0].keyPem, this.signatureAlgorithmUri);
  }

  /** Our signed answer to the IdP's LogoutRequest `inResponseTo`, with its RelayState back (bindings 3.4.3). */
  responseUrl(inResponseTo: string, success: boolean, relayState: string | undefined): string {
    const xml = logoutResponseXml({
      id: newMessageId(),
      issuer: this.provider.spEntityId,
      destination: this.idpLogoutUrl,
      inResponseTo,
      status: success ? STATUS_SUCCESS : PARTIAL_LOGOUT,
      now: new Date(),
    });
    return signedRedirectUrl(this.idpLogoutUrl, 'SAMLResponse', xml, relayState, this.keys.spKeys[0].keyPem, this.signatureAlgorithmUri);
  }

  /**
   * Reads and verifies a logout message of the IdP. A LogoutRequest is claimed by its ID (a replay
   * is refused); a LogoutResponse must answer a LogoutRequest of ours not answered yet.
   */
  async read(input: SloInput): Promise<{ message: IdpLogoutMessage; relayState?: string }> {
    let kind: 'SAMLRequest' | 'SAMLResponse';
    let xml: string;
    let relayState: string | undefined;
    if (input.binding === 'redirect') {
      ({ kind, xml, relayState } = readSignedRedirect(input.rawQuery, this.keys.idpCertPems));
    } else {
      if (!input.SAMLRequest === !input.SAMLResponse) throw new SamlRefusal('the message is neither a SAMLRequest nor a SAMLResponse');
      kind = input.SAMLRequest ? 'SAMLRequest' : 'SAMLResponse';
      xml = Buffer.from((input.SAMLRequest ?? input.SAMLResponse) as string, 'base64').toString('utf8');
      relayState = input.RelayState;
    }
    const signedAsXml = input.binding === 'post';
    if (kind === 'SAMLRequest') {
      const request = await readIdpLogoutRequest(xml, signedAsXml, this.expectations);
      if (!(await this.cache.claimMessage(request.id, LOGOUT_MESSAGE_MAX_AGE_MS + 2 * SAML_CLOCK_SKEW_MS))) throw new SamlRefusal('this LogoutRequest was received already');
      return { message: { kind: 'request', ...request }, relayState };
    }
    const response = readIdpLogoutResponse(xml, signedAsXml, this.expectations);
    if (!(await this.cache.takeLogoutRequest(response.inResponseTo))) throw new SamlRefusal('the LogoutResponse answers no pending LogoutRequest of ours');
    return { message: { kind: 'response', ...response }, relayState };
  }
}
