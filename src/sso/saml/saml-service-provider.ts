import { Logger } from '@nestjs/common';
import { SAML, ValidateInResponseTo, type Profile, type SamlConfig } from '@node-saml/node-saml';
import { DomainError, Unauthenticated } from '../../common/domain-errors';
import type { SsoAssertion } from '../sso-assertion';
import { SSO_PROBLEMS } from '../sso-problems';
import type { SamlProviderConfig } from '../sso-provider-config';
import { SSO_STATE_TTL_SECONDS } from '../sso-states';
import { ssoAnswerUrl } from '../sso-urls';
import { DEFAULT_MINIMUM_LOA, invalidSamlAssertion as invalid, PERSISTENT_NAME_ID, readOiosamlPerson, toSsoAssertion } from './oiosaml-attributes';
import { DEFAULT_SIGNATURE_ALGORITHM, SIGNING_ALGORITHM_URIS } from './saml-algorithms';
import type { SamlKeys } from './saml-keys';
import { spMetadataXml } from './saml-metadata';
import { signedRedirectUrl } from './saml-redirect';
import type { RedisSamlRequestCache } from './saml-request-cache';
import { checkResponse } from './saml-response';
import { SamlSingleLogout } from './saml-single-logout';
import { SAML_CLOCK_SKEW_MS, SamlRefusal } from './saml-xml';

export { readSamlKeys } from './saml-keys';

/** A sign-in lasts as long as the SSO state that started it. */
export const SAML_REQUEST_TTL_MS = SSO_STATE_TTL_SECONDS * 1000;
/** The kinds of node-saml's refusals (of the signed assertion's content), by its messages (lib/saml.js). */
const NODE_SAML_REASONS: [RegExp, string][] = [
  [/InResponseTo/i, 'InResponseTo: not a request of ours, answered already, or none (IdP-initiated)'],
  [/audience/i, 'audience: not our entity id'],
  [/expired|not yet valid|subject confirmation/i, 'validity: outside NotBefore/NotOnOrAfter'],
];
/** OIOSAML 3 asks for an NSIS level with these class references, compared as a minimum. */
const NSIS_CONTEXT_CLASS = 'https://data.gov.dk/concept/core/nsis/loa/';

export interface SamlAuthnRequest {
  url: string;
  /** The AuthnRequest's ID, which the answer must name as InResponseTo. */
  requestId: string;
}

export interface ValidatedSamlResponse {
  assertion: SsoAssertion;
  /** The request this answers; already claimed, so the same answer never signs in twice. */
  requestId: string;
}

/**
 * node-saml's checks of a signed assertion's content (subject confirmation, conditions, audience,
 * the request id it answers, taken from the cache once) and its reading of the attributes, on the
 * XML our own envelope and signature checks (saml-response.ts) found signed, and nothing else.
 */
class SignedAssertionChecks extends SAML {
  async profileOf(signedAssertionXml: string, responseXml: string, inResponseTo: string): Promise<Profile> {
    try {
      await this.validateInResponseTo(inResponseTo);
      const { profile } = await this.processValidlySignedAssertionAsync(signedAssertionXml, responseXml, inResponseTo);
      if (!profile) throw new SamlRefusal('the answer holds no assertion');
      return profile;
    } catch (error) {
      await this.cacheProvider.removeAsync(inResponseTo);
      throw error;
    }
  }
}

/**
 * Our OIOSAML 3 service provider towards one IdP (KOMBIT's Context Handler): the signed
 * AuthnRequest (HTTP-Redirect), our signed metadata, the check of the IdP's answer (HTTP-POST),
 * and single logout (`logout`).
 */
export class SamlServiceProvider {
  private readonly logger = new Logger(SamlServiceProvider.name);
  private readonly saml: SignedAssertionChecks;
  /** The same provider asking the IdP to authenticate the person again (step-up). */
  private readonly forcingSaml: SignedAssertionChecks;
  /** The Assertion Consumer Service, as registered with the IdP and named in the assertion's Recipient. */
  readonly acsUrl: string;
  readonly signatureAlgorithmUri: string;
  readonly logout: SamlSingleLogout;
  private readonly metadata: string;

  constructor(
    readonly provider: SamlProviderConfig,
    private readonly keys: SamlKeys,
    publicUrl: string,
    private readonly cache: RedisSamlRequestCache,
  ) {
    this.acsUrl = ssoAnswerUrl(provider, publicUrl);
    this.signatureAlgorithmUri = SIGNING_ALGORITHM_URIS[provider.signatureAlgorithm ?? DEFAULT_SIGNATURE_ALGORITHM];
    const config: SamlConfig = {
      callbackUrl: this.acsUrl,
      entryPoint: provider.entryPoint,
      issuer: provider.spEntityId,
      audience: provider.spEntityId,
      // Signatures are checked by saml-response.ts (our algorithms, every current certificate); node-saml insists on one.
      idpCert: keys.idpCertPems,
      // The AuthnRequest leaves node-saml unsigned and uncompressed: signedRedirectUrl signs it with our algorithm.
      skipRequestCompression: true,
      acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
      // Only answers to requests we sent (no IdP-initiated sign-in, no answer kept for later).
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: cache.ttlMs,
      cacheProvider: cache,
      identifierFormat: PERSISTENT_NAME_ID,
      authnContext: [`${NSIS_CONTEXT_CLASS}${provider.minimumLoa ?? DEFAULT_MINIMUM_LOA}`],
      racComparison: 'minimum',
    };
    this.saml = new SignedAssertionChecks(config);
    this.forcingSaml = new SignedAssertionChecks({ ...config, forceAuthn: true });
    this.logout = new SamlSingleLogout(provider, keys, publicUrl, cache, this.signatureAlgorithmUri);
    this.metadata = spMetadataXml({ provider, acsUrl: this.acsUrl, sloUrl: this.logout.sloUrl, keys: keys.spKeys, signatureAlgorithmUri: this.signatureAlgorithmUri });
  }

  /** The IdP's sign-in URL with a signed AuthnRequest; `relayState` comes back with the answer. */
  async authnRequest(relayState: string, options: { forceAuthn?: boolean } = {}): Promise<SamlAuthnRequest> {
    const saml = options.forceAuthn ? this.forcingSaml : this.saml;
    const message = await saml.getAuthorizeMessageAsync(relayState);
    const xml = Buffer.from(String(message.SAMLRequest), 'base64').toString('utf8');
    const requestId = /\sID="([^"]+)"/.exec(xml)?.[1];
    if (!requestId) throw new Error('SAML: the AuthnRequest has no ID');
    return { url: signedRedirectUrl(this.provider.entryPoint, 'SAMLRequest', xml, relayState, this.keys.spKeys[0].keyPem, this.signatureAlgorithmUri), requestId };
  }

  /** Our signed SP metadata for the IdP's administration. */
  metadataXml(): string {
    return this.metadata;
  }

  /**
   * Verifies the IdP's answer (see saml-response.ts for the envelope, signature and encryption;
   * then InResponseTo the request this browser's sign-in sent, answered once; audience, validity,
   * issuer, recipient) and reads the OIOSAML 3 attributes from the signed assertion. A refusal is
   * logged with its reason for the operator.
   */
  async validatePostResponse(samlResponse: string, requestId: string): Promise<ValidatedSamlResponse> {
    try {
      return await this.validate(Buffer.from(samlResponse, 'base64').toString('utf8'), requestId);
    } catch (error) {
      if (error instanceof SamlRefusal) {
        this.refused(error.message);
        throw Object.assign(invalid(error.message), { cause: error });
      }
      if (error instanceof DomainError) {
        // Our own reasons are fixed sentences naming attributes, never a value that was sent.
        if (error.code === 'sso_assertion_invalid') this.refused((error.cause as Error | undefined)?.message);
        throw error;
      }
      // node-saml's messages can quote what was sent (an audience), so only the kind of check is logged.
      const reason = NODE_SAML_REASONS.find(([pattern]) => pattern.test(String((error as Error)?.message)))?.[1] ?? 'malformed or unexpected answer';
      this.refused(reason);
      throw Object.assign(invalid(reason), { cause: error });
    }
  }

  /** Why an answer did not verify is for the operator; the user sees only the code. */
  private refused(reason: string | undefined): void {
    this.logger.warn({ providerId: this.provider.id, reason }, 'SAML answer refused');
  }

  private async validate(xml: string, requestId: string): Promise<ValidatedSamlResponse> {
    const checked = await checkResponse(xml, {
      acsUrl: this.acsUrl,
      idpEntityId: this.provider.idpEntityId,
      idpCertPems: this.keys.idpCertPems,
      decryptionKeyPems: this.keys.spKeys.map((key) => key.keyPem),
      requireEncryptedAssertions: this.provider.requireEncryptedAssertions !== false,
    });
    if (checked.status === 'failed') {
      // The IdP answered a failure status (the person cancelled, or it refused them).
      this.refused('the IdP answered a failure status');
      throw new Unauthenticated(SSO_PROBLEMS.sso_provider_refused, { code: 'sso_provider_refused' });
    }
    const { inResponseTo } = checked;
    if (!inResponseTo) throw new SamlRefusal('InResponseTo is missing from response');
    if (inResponseTo !== requestId) {
      throw new SamlRefusal((await this.cache.getAsync(inResponseTo)) ? 'the answer is to another sign-in\'s request' : 'InResponseTo is not valid');
    }
    // The replay guard: a request is answered once, whichever copy of the answer comes first.
    if (!(await this.cache.claimAnswer(requestId))) throw new SamlRefusal('this answer was used already');
    const profile = await this.saml.profileOf(checked.signedAssertionXml, xml, inResponseTo);
    // node-saml checks the issuer of logout messages only; the assertion's must be our IdP's.
    if (profile.issuer !== this.provider.idpEntityId) throw new SamlRefusal('the assertion was issued by another identity provider');
    if (!recipientsAre(profile, this.acsUrl)) throw new SamlRefusal('the assertion was meant for another endpoint');
    const person = readOiosamlPerson((profile.attributes ?? {}) as Record<string, unknown>, { value: profile.nameID, format: profile.nameIDFormat });
    const authenticatedAt = authnInstantOf(profile);
    const providerSession = { subject: profile.nameID, ...(profile.sessionIndex ? { sessionId: profile.sessionIndex } : {}) };
    const assertion: SsoAssertion = {
      ...toSsoAssertion(this.provider, profile.issuer, person),
      ...(authenticatedAt ? { authenticatedAt } : {}),
      providerSession,
      idpMessageId: checked.responseId,
      idpAssertionId: checked.assertionId,
    };
    return { assertion, requestId };
  }
}

type XmlJs = { $?: Record<string, string> } & Record<string, unknown>;

/** When the IdP authenticated the person (the AuthnStatement's AuthnInstant), if it says so readably. */
function authnInstantOf(profile: Profile): Date | undefined {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
  const instant = ((assertion?.AuthnStatement as XmlJs[] | undefined)?.[0])?.$?.AuthnInstant;
  const at = instant ? new Date(instant) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/** SAML profiles 4.1.4.3: every bearer confirmation names the ACS the answer was posted to. */
function recipientsAre(profile: Profile, acsUrl: string): boolean {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
  const confirmations = ((assertion?.Subject as XmlJs[] | undefined)?.[0]?.SubjectConfirmation ?? []) as XmlJs[];
  const data = confirmations.flatMap((c) => (c.SubjectConfirmationData ?? []) as XmlJs[]);
  return data.length > 0 && data.every((d) => d.$?.Recipient === acsUrl);
}
