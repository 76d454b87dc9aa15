import { Logger } from '@nestjs/common';
import { SAML, SamlStatusError, ValidateInResponseTo, type Profile, type SamlConfig } from '@node-saml/node-saml';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { DomainError, Unauthenticated } from '../../common/domain-errors';
import type { SsoAssertion } from '../sso-assertion';
import { SSO_PROBLEMS } from '../sso-problems';
import type { SamlProviderConfig } from '../sso-provider-config';
import { SSO_STATE_TTL_SECONDS } from '../sso-states';
import { ssoAnswerUrl } from '../sso-urls';
import { DEFAULT_MINIMUM_LOA, invalidSamlAssertion as invalid, PERSISTENT_NAME_ID, readOiosamlPerson, toSsoAssertion } from './oiosaml-attributes';
import type { RedisSamlRequestCache } from './saml-request-cache';

/** A sign-in lasts as long as the SSO state that started it. */
export const SAML_REQUEST_TTL_MS = SSO_STATE_TTL_SECONDS * 1000;
/** Servers synchronised by NTP differ by far less; more would stretch the IdP's five-minute validity. */
const CLOCK_SKEW_MS = 30_000;
/** The kinds of node-saml's refusals, by its messages (lib/saml.js, lib/xml.js), in the order they are checked. */
const NODE_SAML_REASONS: [RegExp, string][] = [
  [/InResponseTo/i, 'InResponseTo: not a request of ours, answered already, or none (IdP-initiated)'],
  [/signature/i, 'signature: not by the configured IdP certificate, or missing'],
  [/decrypt|EncryptedAssertion|encryption/i, 'decryption: not encrypted to our certificate'],
  [/audience/i, 'audience: not our entity id'],
  [/expired|not yet valid|subject confirmation/i, 'validity: outside NotBefore/NotOnOrAfter'],
];
/** OIOSAML 3 asks for an NSIS level with these class references, compared as a minimum. */
const NSIS_CONTEXT_CLASS = 'https://data.gov.dk/concept/core/nsis/loa/';

export interface SamlKeys {
  idpCertPem: string;
  spKeyPem: string;
  spCertPem: string;
}

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

function readPem(file: string, what: string, check: (pem: string) => unknown): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
    check(pem);
  } catch (error) {
    throw new Error(`SAML: ${what} (${file}) cannot be read as PEM: ${(error as Error).message}`, { cause: error });
  }
  return pem;
}

/** Reads a provider's key files at start-up, so a missing or broken file stops the service with its name. */
export function readSamlKeys(provider: SamlProviderConfig): SamlKeys {
  return {
    idpCertPem: readPem(provider.idpCertFile, `the IdP certificate of ${provider.id}`, (pem) => new X509Certificate(pem)),
    spKeyPem: readPem(provider.spKeyFile, `the signing key of ${provider.id}`, (pem) => createPrivateKey(pem)),
    spCertPem: readPem(provider.spCertFile, `the signing certificate of ${provider.id}`, (pem) => new X509Certificate(pem)),
  };
}

/**
 * Our OIOSAML 3 service provider towards one IdP (KOMBIT's Context Handler): the signed
 * AuthnRequest (HTTP-Redirect), our metadata, and the check of the IdP's answer (HTTP-POST).
 */
export class SamlServiceProvider {
  private readonly logger = new Logger(SamlServiceProvider.name);
  private readonly saml: SAML;
  /** The same provider asking the IdP to authenticate the person again (step-up). */
  private readonly forcingSaml: SAML;
  /** The Assertion Consumer Service, as registered with the IdP and named in the assertion's Recipient. */
  readonly acsUrl: string;

  constructor(
    readonly provider: SamlProviderConfig,
    private readonly keys: SamlKeys,
    publicUrl: string,
    private readonly cache: RedisSamlRequestCache,
  ) {
    this.acsUrl = ssoAnswerUrl(provider, publicUrl);
    const config: SamlConfig = {
      callbackUrl: this.acsUrl,
      entryPoint: provider.entryPoint,
      issuer: provider.spEntityId,
      audience: provider.spEntityId,
      idpCert: keys.idpCertPem,
      // OIOSAML 3: AuthnRequests are signed and assertions encrypted to us; one key does both.
      privateKey: keys.spKeyPem,
      decryptionPvk: keys.spKeyPem,
      signatureAlgorithm: 'sha256',
      digestAlgorithm: 'sha256',
      // OIOSAML 3 requires the IdP to sign the assertion; signing the Response around it is
      // optional, so requiring it would refuse conforming IdPs. An unsigned assertion is refused.
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: CLOCK_SKEW_MS,
      // Only answers to requests we sent (no IdP-initiated sign-in, no answer kept for later).
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: cache.ttlMs,
      cacheProvider: cache,
      identifierFormat: PERSISTENT_NAME_ID,
      authnContext: [`${NSIS_CONTEXT_CLASS}${provider.minimumLoa ?? DEFAULT_MINIMUM_LOA}`],
      racComparison: 'minimum',
    };
    this.saml = new SAML(config);
    this.forcingSaml = new SAML({ ...config, forceAuthn: true });
  }

  /** The IdP's sign-in URL with a signed AuthnRequest; `relayState` comes back with the answer. */
  async authnRequest(relayState: string, options: { forceAuthn?: boolean } = {}): Promise<SamlAuthnRequest> {
    const saml = options.forceAuthn ? this.forcingSaml : this.saml;
    const url = await saml.getAuthorizeUrlAsync(relayState, undefined, {});
    return { url, requestId: requestIdOf(url) };
  }

  /** Our SP metadata for the IdP's administration: entity id, ACS (POST), signing and encryption certificate. */
  metadataXml(): string {
    return this.saml.generateServiceProviderMetadata(this.keys.spCertPem, this.keys.spCertPem);
  }

  /**
   * Verifies the IdP's answer (signature by the configured IdP certificate, issuer, audience,
   * recipient, validity, InResponseTo the request this browser's sign-in sent, answered once) and
   * reads the OIOSAML 3 attributes from it. A refusal is logged with its reason for the operator.
   */
  async validatePostResponse(samlResponse: string, requestId: string): Promise<ValidatedSamlResponse> {
    try {
      return await this.validate(samlResponse, requestId);
    } catch (error) {
      if (error instanceof DomainError) {
        // Our own reasons are fixed sentences naming attributes, never a value that was sent.
        if (error.code === 'sso_assertion_invalid') this.refused((error.cause as Error | undefined)?.message);
        throw error;
      }
      // The IdP answered a failure status (the person cancelled, or it refused them).
      if (error instanceof SamlStatusError) {
        this.refused('the IdP answered a failure status');
        throw new Unauthenticated(SSO_PROBLEMS.sso_provider_refused, { code: 'sso_provider_refused' });
      }
      // node-saml throws plain errors for every failed check; their messages can quote what was
      // sent (an audience, an IdP's status text), so only the kind of check is logged.
      const reason = NODE_SAML_REASONS.find(([pattern]) => pattern.test(String((error as Error)?.message)))?.[1] ?? 'malformed or unexpected answer';
      this.refused(reason);
      throw Object.assign(invalid(reason), { cause: error });
    }
  }

  /** Why an answer did not verify is for the operator; the user sees only the code. */
  private refused(reason: string | undefined): void {
    this.logger.warn({ providerId: this.provider.id, reason }, 'SAML answer refused');
  }

  private async validate(samlResponse: string, requestId: string): Promise<ValidatedSamlResponse> {
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
    // A SAML message never needs a document type; entity declarations are how XML parsers are attacked.
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw invalid('the answer declares a document type');
    const { profile } = await this.saml.validatePostResponseAsync({ SAMLResponse: samlResponse });
    if (!profile) throw invalid('the answer holds no assertion');
    // node-saml checks the issuer of logout messages only; the assertion's must be our IdP's.
    if (profile.issuer !== this.provider.idpEntityId) throw invalid('the assertion was issued by another identity provider');
    if (!recipientsAre(profile, this.acsUrl)) throw invalid('the assertion was meant for another endpoint');
    // node-saml knows the request was ours; the sign-in state knows it was this browser's.
    if (profile.inResponseTo !== requestId) throw invalid('the answer is to another sign-in\'s request');
    if (!(await this.cache.claimAnswer(requestId))) throw invalid('this answer was used already');
    const person = readOiosamlPerson((profile.attributes ?? {}) as Record<string, unknown>, { value: profile.nameID, format: profile.nameIDFormat });
    const authenticatedAt = authnInstantOf(profile);
    const providerSession = { subject: profile.nameID, ...(profile.sessionIndex ? { sessionId: profile.sessionIndex } : {}) };
    return { assertion: { ...toSsoAssertion(this.provider, profile.issuer, person), ...(authenticatedAt ? { authenticatedAt } : {}), providerSession }, requestId };
  }
}

/** When the IdP authenticated the person (the AuthnStatement's AuthnInstant), if it says so readably. */
function authnInstantOf(profile: Profile): Date | undefined {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
  const instant = ((assertion?.AuthnStatement as XmlJs[] | undefined)?.[0])?.$?.AuthnInstant;
  const at = instant ? new Date(instant) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/** The ID node-saml gave the AuthnRequest it deflated into the URL (it does not hand it back). */
function requestIdOf(url: string): string {
  const encoded = new URL(url).searchParams.get('SAMLRequest') ?? '';
  const id = /\sID="([^"]+)"/.exec(inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8'))?.[1];
  if (!id) throw new Error('SAML: the AuthnRequest has no ID');
  return id;
}

type XmlJs = { $?: Record<string, string> } & Record<string, unknown>;

/** SAML profiles 4.1.4.3: every bearer confirmation names the ACS the answer was posted to. */
function recipientsAre(profile: Profile, acsUrl: string): boolean {
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlJs } | undefined)?.Assertion;
  const confirmations = ((assertion?.Subject as XmlJs[] | undefined)?.[0]?.SubjectConfirmation ?? []) as XmlJs[];
  const data = confirmations.flatMap((c) => (c.SubjectConfirmationData ?? []) as XmlJs[]);
  return data.length > 0 && data.every((d) => d.$?.Recipient === acsUrl);
}
