import type { PlanRole } from '../access/roles';

/**
 * One single sign-on provider, as configured in the SSO_PROVIDERS_FILE (JSON: `{ "providers": [...] }`).
 * One provider per organisation: a housing association's Entra ID tenant, a municipality's
 * KOMBIT Context Handler agreement. Secrets are never in the file: it names the environment
 * variables and key files that hold them. Read and checked at start-up by src/sso/sso-providers.ts
 * (key files as absolute paths, resolved against the providers file's folder).
 */
export interface SsoProviderBase {
  /** In URLs: /auth/sso/:id/login. Lower-case letters, digits and dashes. */
  id: string;
  displayName: string;
  /** Where the browser is sent after sign-in, with `#code=<one-time code>` for POST /auth/exchange (or `#error=<code>`). */
  returnUrl: string;
}

/** Plan membership of everyone this provider signs in (a mapping); without one, only invited users get in. */
export interface SsoMembership {
  planId: string;
  /** The organisation (a municipal one for caseworkers); null for the plan's own staff. */
  organisationId: string | null;
}

/** How we prove to the token endpoint that we are the client (OpenID Connect Core 1.0, 9). */
export type OidcClientAuthMethod = 'client_secret_post' | 'client_secret_basic' | 'private_key_jwt';

export interface OidcProviderConfig extends SsoProviderBase {
  kind: 'oidc';
  /** The issuer URL; its discovery document (/.well-known/openid-configuration) is read at first use. */
  issuer: string;
  clientId: string;
  /** The name of the environment variable that holds the client secret (the secret methods only). */
  clientSecretEnv?: string;
  /**
   * How the client authenticates at the token endpoint (default `client_secret_post`). With
   * `private_key_jwt` it signs an assertion with `clientKeyFile`, and `clientCertFile` is the
   * certificate uploaded to the app registration (Entra ID finds it by its thumbprint).
   */
  tokenEndpointAuthMethod?: OidcClientAuthMethod;
  clientKeyFile?: string;
  clientCertFile?: string;
  /**
   * When the client secret expires, as the provider shows it (Entra ID: Certificates & secrets);
   * the app cannot ask. GET /health/ready shows the platform admin the days left.
   */
  clientSecretExpiresAt?: string;
  /** The claim that names the person stably in the issuer (Entra ID: `oid`; default `sub`). */
  subjectClaim?: string;
  /** The claim with the e-mail address, for a new account (default `email`; Entra ID without the optional `email` claim: `preferred_username`). */
  emailClaim?: string;
  /** The claim with the app roles or groups (Entra ID: `roles` for app roles, `groups` for groups). */
  rolesClaim: string;
  /** Provider role or group value → our role. A user with no mapped value is refused (403 sso_no_role). */
  roles: Record<string, PlanRole>;
  membership?: SsoMembership;
  /**
   * What makes a sign-in multi-factor: `amr` or `acr` values the provider asserts, or Entra ID
   * Conditional Access authentication contexts (`acrs`, c1-c99) whose policy requires MFA; the
   * contexts are asked for in every authorization request (the `claims` parameter).
   */
  mfa: { amr?: string[]; acr?: string[]; acrs?: string[] };
  /**
   * The operator's statement that the provider's own policy (Entra ID Conditional Access) requires
   * MFA for every sign-in to this application: a trust decision, since the tokens cannot show it.
   * Such sign-ins count as multi-factor, recorded as amr `provider_policy`.
   */
  tenantEnforcesMfa?: boolean;
  /** Where the provider sends the browser after a logout we start (default `returnUrl`); it must be registered with the provider. */
  postLogoutRedirectUri?: string;
  /** Extra scopes beyond `openid profile email`. */
  scopes?: string[];
}

export type NsisLevel = 'Low' | 'Substantial' | 'High';

/**
 * What we sign SAML messages with (AuthnRequest, LogoutRequest, LogoutResponse, our metadata):
 * RSASSA-PSS with SHA-256 (`http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1`), the scheme
 * of OCES3 certificates that KOMBIT's Context Handler and NemLog-in 3 connect with, or RSA
 * PKCS#1 v1.5 with SHA-256 for an IdP that cannot verify PSS.
 */
export type SamlSignatureAlgorithm = 'rsa-pss-sha256' | 'rsa-sha256';

/** One of our key pairs: PEM files of the private key and its certificate. */
export interface SamlKeyPairFiles {
  keyFile: string;
  certFile: string;
}

/** Who the IdP's administrators contact about this service (SAML metadata ContactPerson). */
export interface SamlContact {
  type: 'technical' | 'support' | 'administrative' | 'billing' | 'other';
  company?: string;
  givenName?: string;
  surName?: string;
  email: string;
  telephone?: string;
}

export interface SamlProviderConfig extends SsoProviderBase {
  kind: 'saml';
  /** The IdP's single sign-on URL (HTTP-Redirect binding for the AuthnRequest). */
  entryPoint: string;
  /** The IdP's single logout URL (HTTP-Redirect binding); the entryPoint when not given. */
  logoutUrl?: string;
  /** The IdP's entity id, which its responses must name as Issuer. */
  idpEntityId: string;
  /**
   * PEM files of the IdP's signing certificates: an answer signed by any of them is accepted, so
   * the IdP's new certificate is added before it switches and the old one removed after
   * (the file's `idpCertFile`, one file, is read as a list of one).
   */
  idpCertFiles: string[];
  /** Our entity id, as registered with the IdP. */
  spEntityId: string;
  /**
   * Our key pairs (the file's `spKeys`, or `spKeyFile` and `spCertFile` for one): the first signs
   * what we send, every one decrypts what is encrypted to it, and our metadata lists the signing
   * and encryption certificates of all of them, so a new key is published before it is used.
   */
  spKeys: SamlKeyPairFiles[];
  /** Default `rsa-pss-sha256`. */
  signatureAlgorithm?: SamlSignatureAlgorithm;
  /** Refuse an assertion that is not encrypted to us (default true: KOMBIT encrypts every assertion). */
  requireEncryptedAssertions?: boolean;
  /** The contact person our metadata names. */
  contact: SamlContact;
  /** KOMBIT privilege (brugersystemrolle) URI → our role. */
  privileges: Record<string, PlanRole>;
  /** The municipality's CVR number → plan membership. A CVR not listed is refused (403 sso_no_plan). */
  municipalities: Record<string, SsoMembership>;
  /** The lowest NSIS assurance level accepted (default Substantial, "Betydelig"). */
  minimumLoa?: NsisLevel;
}

export type SsoProviderConfig = OidcProviderConfig | SamlProviderConfig;
