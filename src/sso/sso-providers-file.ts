import { isAbsolute, resolve } from 'node:path';
import { PLAN_ROLES, type PlanRole } from '../access/roles';
import type { NsisLevel, OidcClientAuthMethod, OidcProviderConfig, SamlContact, SamlKeyPairFiles, SamlProviderConfig, SamlSignatureAlgorithm, SsoMembership, SsoProviderConfig } from './sso-provider-config';

/** What reading the providers file needs from outside: the environment (secrets), and whether a key file can be read. */
export interface ProvidersFileContext {
  /** The file's path, for messages and to resolve relative key-file paths against. */
  file: string;
  env: Record<string, string | undefined>;
  production: boolean;
  fileReadable: (path: string) => boolean;
}

export interface ParsedProviders {
  providers: SsoProviderConfig[];
  /** Provider id → the OIDC client secret read from the environment variable the file names. */
  clientSecrets: Map<string, string>;
}

const ID = /^[a-z0-9-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NSIS_LEVELS: readonly NsisLevel[] = ['Low', 'Substantial', 'High'];
const COMMON_FIELDS = ['id', 'kind', 'displayName', 'returnUrl'];
const OIDC_FIELDS = [
  ...COMMON_FIELDS,
  'issuer',
  'clientId',
  'clientSecretEnv',
  'tokenEndpointAuthMethod',
  'clientKeyFile',
  'clientCertFile',
  'clientSecretExpiresAt',
  'subjectClaim',
  'emailClaim',
  'rolesClaim',
  'roles',
  'membership',
  'mfa',
  'tenantEnforcesMfa',
  'postLogoutRedirectUri',
  'scopes',
];
const OIDC_AUTH_METHODS: readonly OidcClientAuthMethod[] = ['client_secret_post', 'client_secret_basic', 'private_key_jwt'];
/** Entra ID's Conditional Access authentication context ids. */
const AUTH_CONTEXT = /^c([1-9]|[1-9][0-9])$/;
/** A date (2026-06-30) or a moment (2026-06-30T12:00:00Z), as the Entra admin center shows a secret's expiry. */
const DATE_OR_MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const SAML_FIELDS = [
  ...COMMON_FIELDS,
  'entryPoint',
  'logoutUrl',
  'idpEntityId',
  'idpCertFile',
  'idpCertFiles',
  'spEntityId',
  'spKeyFile',
  'spCertFile',
  'spKeys',
  'signatureAlgorithm',
  'requireEncryptedAssertions',
  'contact',
  'privileges',
  'municipalities',
  'minimumLoa',
];
const SAML_SIGNATURE_ALGORITHMS: readonly SamlSignatureAlgorithm[] = ['rsa-pss-sha256', 'rsa-sha256'];
const CONTACT_TYPES: readonly SamlContact['type'][] = ['technical', 'support', 'administrative', 'billing', 'other'];

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads SSO_PROVIDERS_FILE's content. Every mistake is collected and reported together, each
 * naming the provider and the field, so an operator fixes the file in one go; a provider that
 * could map someone to the platform admin, or to a role by default, never loads.
 */
export function parseProvidersFile(content: unknown, context: ProvidersFileContext): ParsedProviders {
  const problems: string[] = [];
  const clientSecrets = new Map<string, string>();
  const list = isObject(content) ? content.providers : undefined;
  if (!Array.isArray(list)) throw new Error(`${context.file}: expected a JSON object { "providers": [ ... ] }`);
  const providers: SsoProviderConfig[] = [];
  const seen = new Set<string>();
  list.forEach((raw, index) => {
    const where = isObject(raw) && typeof raw.id === 'string' ? `provider "${raw.id}"` : `provider #${index + 1}`;
    const check = new FieldCheck(where, problems);
    if (!isObject(raw)) {
      problems.push(`${where}: must be an object`);
      return;
    }
    const id = check.string(raw, 'id');
    if (id !== undefined && !ID.test(id)) check.fail('id', 'must be lower-case letters, digits and dashes ([a-z0-9-]+)');
    if (id !== undefined && seen.has(id)) check.fail('id', 'is used by another provider');
    if (id !== undefined) seen.add(id);
    if (raw.kind === 'oidc') {
      const provider = oidcProvider(raw, check, context);
      if (provider) providers.push(provider);
      const secret = typeof raw.clientSecretEnv === 'string' ? context.env[raw.clientSecretEnv] : undefined;
      if (typeof raw.clientSecretEnv === 'string' && raw.tokenEndpointAuthMethod !== 'private_key_jwt' && !secret) check.fail('clientSecretEnv', `names ${raw.clientSecretEnv}, which is not set`);
      if (id && secret && provider?.tokenEndpointAuthMethod !== 'private_key_jwt') clientSecrets.set(id, secret);
    } else if (raw.kind === 'saml') {
      const provider = samlProvider(raw, check, context);
      if (provider) providers.push(provider);
    } else {
      check.fail('kind', 'must be "oidc" or "saml"');
    }
  });
  if (problems.length) throw new Error(`${context.file} has mistakes:\n- ${problems.join('\n- ')}`);
  return { providers, clientSecrets };
}

/** The key and certificate files a provider names: a change in any of them is a change of the providers (key rollover). */
export function keyFilesOf(provider: SsoProviderConfig): string[] {
  if (provider.kind === 'oidc') return [provider.clientKeyFile, provider.clientCertFile].filter((file): file is string => file !== undefined);
  return [...provider.idpCertFiles, ...provider.spKeys.flatMap((pair) => [pair.keyFile, pair.certFile])];
}

function oidcProvider(raw: Raw, check: FieldCheck, context: ProvidersFileContext): OidcProviderConfig | undefined {
  check.only(raw, OIDC_FIELDS);
  const issuer = check.url(raw, 'issuer', context.production);
  const method = (raw.tokenEndpointAuthMethod ?? 'client_secret_post') as OidcClientAuthMethod;
  if (!OIDC_AUTH_METHODS.includes(method)) check.fail('tokenEndpointAuthMethod', `must be one of ${OIDC_AUTH_METHODS.join(', ')}`);
  const byKey = method === 'private_key_jwt';
  // Each method's credential and nothing else: a secret left in the file next to a key would look like it is used.
  for (const field of byKey ? ['clientSecretEnv', 'clientSecretExpiresAt'] : ['clientKeyFile', 'clientCertFile']) {
    if (raw[field] !== undefined) check.fail(field, `is not used with tokenEndpointAuthMethod "${method}"; remove it`);
  }
  const expiresAt = raw.clientSecretExpiresAt;
  // Date.parse takes 2027-02-30 as 2 March: the day must come back as written.
  const realDate = (value: string) => !Number.isNaN(Date.parse(value)) && new Date(Date.parse(value.slice(0, 10))).toISOString().slice(0, 10) === value.slice(0, 10);
  if (expiresAt !== undefined && (typeof expiresAt !== 'string' || !DATE_OR_MOMENT.test(expiresAt) || !realDate(expiresAt))) {
    check.fail('clientSecretExpiresAt', 'must be a date (2026-06-30) or a moment (2026-06-30T12:00:00Z)');
  }
  const mfa = raw.mfa;
  if (!isObject(mfa)) check.fail('mfa', 'must be an object { "amr": [...], "acr": [...], "acrs": [...] } naming what counts as multi-factor (may be empty)');
  else {
    check.only(mfa, ['amr', 'acr', 'acrs'], 'mfa.');
    for (const key of ['amr', 'acr', 'acrs']) if (mfa[key] !== undefined) check.stringList(mfa, key, 'mfa.');
    if (Array.isArray(mfa.acrs) && !mfa.acrs.every((value) => typeof value === 'string' && AUTH_CONTEXT.test(value))) {
      check.fail('mfa.acrs', 'must list authentication context ids c1 to c99 (Entra ID Conditional Access)');
    }
  }
  if (raw.tenantEnforcesMfa !== undefined && typeof raw.tenantEnforcesMfa !== 'boolean') check.fail('tenantEnforcesMfa', 'must be true or false');
  const provider = {
    kind: 'oidc' as const,
    ...common(raw, check, context),
    issuer,
    clientId: check.string(raw, 'clientId'),
    ...(byKey ? { clientKeyFile: check.file(raw, 'clientKeyFile', context), clientCertFile: check.file(raw, 'clientCertFile', context) } : { clientSecretEnv: check.string(raw, 'clientSecretEnv') }),
    tokenEndpointAuthMethod: raw.tokenEndpointAuthMethod as OidcClientAuthMethod | undefined,
    clientSecretExpiresAt: expiresAt as string | undefined,
    subjectClaim: check.optionalString(raw, 'subjectClaim'),
    emailClaim: check.optionalString(raw, 'emailClaim'),
    rolesClaim: check.string(raw, 'rolesClaim'),
    roles: check.roleMap(raw, 'roles'),
    membership: raw.membership === undefined ? undefined : check.membership(raw.membership, 'membership'),
    mfa: isObject(mfa) ? { amr: mfa.amr as string[] | undefined, acr: mfa.acr as string[] | undefined, acrs: mfa.acrs as string[] | undefined } : { amr: [], acr: [] },
    tenantEnforcesMfa: raw.tenantEnforcesMfa === true ? true : undefined,
    postLogoutRedirectUri: raw.postLogoutRedirectUri === undefined ? undefined : check.url(raw, 'postLogoutRedirectUri', context.production),
    scopes: raw.scopes === undefined ? undefined : check.stringList(raw, 'scopes'),
  };
  return check.ok ? (provider as OidcProviderConfig) : undefined;
}

/** The SAML fields (src/sso/saml/ reads the key files); checked here so that every provider fails at start-up alike. */
function samlProvider(raw: Raw, check: FieldCheck, context: ProvidersFileContext): SamlProviderConfig | undefined {
  check.only(raw, SAML_FIELDS);
  const municipalities: Record<string, SsoMembership> = {};
  if (!isObject(raw.municipalities)) check.fail('municipalities', 'must be an object { "<CVR>": { "planId": ..., "organisationId": ... } }');
  else {
    for (const [cvr, membership] of Object.entries(raw.municipalities)) {
      if (!/^\d{8}$/.test(cvr)) check.fail(`municipalities.${cvr}`, 'a CVR number has 8 digits');
      const parsed = check.membership(membership, `municipalities.${cvr}`);
      if (parsed) municipalities[cvr] = parsed;
    }
  }
  if (raw.minimumLoa !== undefined && !NSIS_LEVELS.includes(raw.minimumLoa as NsisLevel)) check.fail('minimumLoa', `must be one of ${NSIS_LEVELS.join(', ')}`);
  if (raw.signatureAlgorithm !== undefined && !SAML_SIGNATURE_ALGORITHMS.includes(raw.signatureAlgorithm as SamlSignatureAlgorithm)) {
    check.fail('signatureAlgorithm', `must be one of ${SAML_SIGNATURE_ALGORITHMS.join(', ')}`);
  }
  if (raw.requireEncryptedAssertions !== undefined && typeof raw.requireEncryptedAssertions !== 'boolean') check.fail('requireEncryptedAssertions', 'must be true or false');
  const provider = {
    kind: 'saml' as const,
    ...common(raw, check, context),
    entryPoint: check.url(raw, 'entryPoint', context.production),
    logoutUrl: raw.logoutUrl === undefined ? undefined : check.url(raw, 'logoutUrl', context.production),
    idpEntityId: check.string(raw, 'idpEntityId'),
    idpCertFiles: idpCertFiles(raw, check, context),
    spEntityId: check.string(raw, 'spEntityId'),
    spKeys: spKeys(raw, check, context),
    signatureAlgorithm: raw.signatureAlgorithm as SamlSignatureAlgorithm | undefined,
    requireEncryptedAssertions: raw.requireEncryptedAssertions as boolean | undefined,
    contact: contact(raw.contact, check),
    privileges: check.roleMap(raw, 'privileges'),
    municipalities,
    minimumLoa: raw.minimumLoa as NsisLevel | undefined,
  };
  return check.ok ? (provider as SamlProviderConfig) : undefined;
}

/** `idpCertFiles` (a list, for the IdP's old and new certificate during its key rollover) or the single `idpCertFile`. */
function idpCertFiles(raw: Raw, check: FieldCheck, context: ProvidersFileContext): string[] {
  if (raw.idpCertFile !== undefined && raw.idpCertFiles !== undefined) check.fail('idpCertFiles', 'and idpCertFile cannot both be given (list every certificate in idpCertFiles)');
  if (raw.idpCertFiles === undefined && raw.idpCertFile === undefined) {
    check.fail('idpCertFiles', 'is required: the PEM files of the IdP\'s signing certificates (or idpCertFile for one)');
    return [];
  }
  if (raw.idpCertFiles === undefined) return [check.file(raw, 'idpCertFile', context)];
  if (!Array.isArray(raw.idpCertFiles) || raw.idpCertFiles.length === 0) {
    check.fail('idpCertFiles', 'must be a non-empty list of certificate files');
    return [];
  }
  return raw.idpCertFiles.map((_, index) => check.file(raw.idpCertFiles as Raw, String(index), context, 'idpCertFiles.'));
}

/** `spKeys` ([{ keyFile, certFile }], the first signs) or the single pair `spKeyFile` and `spCertFile`. */
function spKeys(raw: Raw, check: FieldCheck, context: ProvidersFileContext): SamlKeyPairFiles[] {
  if (raw.spKeys === undefined && raw.spKeyFile === undefined && raw.spCertFile === undefined) {
    check.fail('spKeys', 'is required: our key pairs [{ "keyFile": ..., "certFile": ... }] (or spKeyFile and spCertFile for one)');
    return [];
  }
  if (raw.spKeys === undefined) return [{ keyFile: check.file(raw, 'spKeyFile', context), certFile: check.file(raw, 'spCertFile', context) }];
  if (raw.spKeyFile !== undefined || raw.spCertFile !== undefined) check.fail('spKeys', 'and spKeyFile/spCertFile cannot both be given (list every key pair in spKeys)');
  if (!Array.isArray(raw.spKeys) || raw.spKeys.length === 0) {
    check.fail('spKeys', 'must be a non-empty list of { "keyFile": ..., "certFile": ... }, the signing key first');
    return [];
  }
  return raw.spKeys.map((pair, index) => {
    const where = `spKeys.${index}.`;
    if (!isObject(pair)) {
      check.fail(`spKeys.${index}`, 'must be { "keyFile": ..., "certFile": ... }');
      return { keyFile: '', certFile: '' };
    }
    check.only(pair, ['keyFile', 'certFile'], where);
    return { keyFile: check.file(pair, 'keyFile', context, where), certFile: check.file(pair, 'certFile', context, where) };
  });
}

/** The metadata's ContactPerson: KOMBIT's administration needs someone to call about the connection. */
function contact(value: unknown, check: FieldCheck): SamlContact {
  if (!isObject(value)) {
    check.fail('contact', 'must be { "type": "technical", "company": ..., "email": ... } (the contact person our SAML metadata names)');
    return { type: 'technical', email: '' };
  }
  check.only(value, ['type', 'company', 'givenName', 'surName', 'email', 'telephone'], 'contact.');
  const type = value.type ?? 'technical';
  if (!CONTACT_TYPES.includes(type as SamlContact['type'])) check.fail('contact.type', `must be one of ${CONTACT_TYPES.join(', ')}`);
  const email = check.string(value, 'email', 'contact.');
  if (typeof email === 'string' && !/^[^\s@]+@[^\s@]+$/.test(email)) check.fail('contact.email', 'must be an e-mail address');
  const optional = (field: string) => (value[field] === undefined ? undefined : check.string(value, field, 'contact.'));
  return { type: type as SamlContact['type'], company: optional('company'), givenName: optional('givenName'), surName: optional('surName'), email, telephone: optional('telephone') };
}

function common(raw: Raw, check: FieldCheck, context: ProvidersFileContext) {
  return { id: check.string(raw, 'id'), displayName: check.string(raw, 'displayName'), returnUrl: check.url(raw, 'returnUrl', context.production) };
}

/** Collects one provider's problems as "provider "x": field: what is wrong". */
class FieldCheck {
  ok = true;
  constructor(
    private readonly where: string,
    private readonly problems: string[],
  ) {}

  fail(field: string, message: string): void {
    this.ok = false;
    this.problems.push(`${this.where}: ${field} ${message}`);
  }

  only(raw: Raw, fields: string[], prefix = ''): void {
    for (const key of Object.keys(raw)) if (!fields.includes(key)) this.fail(prefix + key, 'is not a field of this kind of provider (a typo?)');
  }

  string(raw: Raw, field: string, prefix = ''): string {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') this.fail(prefix + field, 'is required (a non-empty string)');
    return value as string;
  }

  optionalString(raw: Raw, field: string): string | undefined {
    return raw[field] === undefined ? undefined : this.string(raw, field);
  }

  stringList(raw: Raw, field: string, prefix = ''): string[] {
    const value = raw[field];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) this.fail(prefix + field, 'must be a list of strings');
    return value as string[];
  }

  /** An https URL; http only outside production, for a provider on this machine. */
  url(raw: Raw, field: string, production: boolean): string {
    const value = this.string(raw, field);
    if (typeof value !== 'string') return value;
    const url = URL.parse(value);
    if (!url || !['https:', 'http:'].includes(url.protocol)) this.fail(field, 'must be an absolute https:// URL');
    else if (url.protocol === 'http:' && (production || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
      this.fail(field, 'must use https (http only outside production, on localhost)');
    }
    return value;
  }

  file(raw: Raw, field: string, context: ProvidersFileContext, prefix = ''): string {
    const value = this.string(raw, field, prefix);
    if (typeof value !== 'string') return value;
    const path = isAbsolute(value) ? value : resolve(context.file, '..', value);
    if (!context.fileReadable(path)) this.fail(prefix + field, `names ${path}, which cannot be read`);
    return path;
  }

  /** Provider role, group or privilege → one of a plan's roles; never the platform admin. */
  roleMap(raw: Raw, field: string): Record<string, PlanRole> {
    const value = raw[field];
    if (!isObject(value) || Object.keys(value).length === 0) {
      this.fail(field, 'must map at least one provider value to a role');
      return {};
    }
    for (const [from, role] of Object.entries(value)) {
      if (!PLAN_ROLES.includes(role as PlanRole)) this.fail(`${field}.${from}`, `maps to "${String(role)}"; a role must be one of ${PLAN_ROLES.join(', ')}`);
    }
    return value as Record<string, PlanRole>;
  }

  membership(value: unknown, field: string): SsoMembership | undefined {
    if (!isObject(value)) {
      this.fail(field, 'must be { "planId": "<uuid>", "organisationId": "<uuid>" | null }');
      return undefined;
    }
    this.only(value, ['planId', 'organisationId'], `${field}.`);
    if (typeof value.planId !== 'string' || !UUID.test(value.planId)) this.fail(`${field}.planId`, 'must be a plan id (uuid)');
    const organisationId = value.organisationId ?? null;
    if (organisationId !== null && (typeof organisationId !== 'string' || !UUID.test(organisationId))) this.fail(`${field}.organisationId`, 'must be an organisation id (uuid) or null');
    return { planId: value.planId as string, organisationId: organisationId as string | null };
  }
}
