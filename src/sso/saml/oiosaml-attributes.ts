import { DOMParser } from '@xmldom/xmldom';
import type { Role } from '../../access/roles';
import type { DomainError } from '../../common/domain-errors';
import type { SsoAssertion } from '../sso-assertion';
import { invalidAssertion, ssoRefusal } from '../sso-errors';
import type { NsisLevel, SamlProviderConfig, SsoMembership } from '../sso-provider-config';

/**
 * The attributes of OIOSAML 3 (Digitaliseringsstyrelsen, "OIOSAML Web SSO Profile 3.0", section
 * "Attribute profile for professionals"), as KOMBIT's Context Handler sends them.
 */
export const OIOSAML_ATTRIBUTES = {
  specVersion: 'https://data.gov.dk/model/core/specVersion',
  loa: 'https://data.gov.dk/concept/core/nsis/loa',
  cvr: 'https://data.gov.dk/model/core/eid/professional/cvr',
  persistentUuid: 'https://data.gov.dk/model/core/eid/professional/uuid/persistent',
  email: 'https://data.gov.dk/model/core/eid/email',
  fullName: 'https://data.gov.dk/model/core/eid/fullName',
  firstName: 'https://data.gov.dk/model/core/eid/firstName',
  lastName: 'https://data.gov.dk/model/core/eid/lastName',
  privileges: 'https://data.gov.dk/model/core/eid/privilegesIntermediate',
} as const;

export const OIOSAML_SPEC_VERSION = 'OIO-SAML-3.0';
export const PERSISTENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
/** OIO Basic Privilege Profile 1.2: the privilege list's namespace and the scope of a CVR-number group. */
export const BPP_NAMESPACE = 'http://digst.dk/oiosaml/basic_privilege_profile';
export const CVR_SCOPE_PREFIX = 'urn:dk:gov:saml:cvrNumberIdentifier:';

const NSIS_RANK: Record<NsisLevel, number> = { Low: 1, Substantial: 2, High: 3 };
/** The Danish Data Protection Agency expects a second factor for systems like this one: "Betydelig". */
export const DEFAULT_MINIMUM_LOA: NsisLevel = 'Substantial';
/** Far above any real list (a few hundred privileges); the bound keeps a hostile attribute from costing parse time. */
const PRIVILEGE_LIST_MAX_BYTES = 128 * 1024;
const SUBJECT_MAX_LENGTH = 256;

/** What node-saml hands over as `profile.attributes`: name → one value, several values, or a structured value. */
export type SamlAttributes = Readonly<Record<string, unknown>>;

export interface SamlNameId {
  value?: string;
  format?: string;
}

export interface PrivilegeGroup {
  scope: string;
  privileges: string[];
  /** The group carries data constraints (Constraint elements), which this system does not interpret. */
  constrained: boolean;
}

/** The person an OIOSAML 3 assertion describes, before it is mapped to our roles and plans. */
export interface OiosamlPerson {
  subject: string;
  cvr: string;
  loa: NsisLevel;
  name?: string;
  email?: string;
  privilegeGroups: PrivilegeGroup[];
}

/**
 * The refusal carries what was wrong as its `cause`, for the operator's log, never in the answer.
 * It names the attribute, never its value: values are personal data (CONTRIBUTING "Security defaults").
 */
export function invalidSamlAssertion(detail: string): DomainError {
  const error = invalidAssertion();
  error.cause = new Error(detail);
  return error;
}
const invalid = invalidSamlAssertion;

function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A single-valued attribute: absent → undefined; several values, an empty or structured value → refused. */
function single(attributes: SamlAttributes, name: string): string | undefined {
  if (!Object.hasOwn(attributes, name)) return undefined;
  const value = attributes[name];
  if (!hasText(value)) throw invalid(`the attribute ${name} must have exactly one non-empty value`);
  return value.trim();
}

function required(attributes: SamlAttributes, name: string): string {
  const value = single(attributes, name);
  if (value === undefined) throw invalid(`the attribute ${name} is missing`);
  return value;
}

function readSubject(attributes: SamlAttributes, nameId: SamlNameId | undefined): string {
  // The persistent uuid names the person in this organisation for good; the NameID is the same
  // value when its format is persistent (never the transient or e-mail formats).
  const subject = single(attributes, OIOSAML_ATTRIBUTES.persistentUuid) ?? (nameId?.format === PERSISTENT_NAME_ID && hasText(nameId.value) ? nameId.value.trim() : undefined);
  if (subject === undefined) throw invalid(`neither ${OIOSAML_ATTRIBUTES.persistentUuid} nor a persistent NameID is present`);
  if (subject.length > SUBJECT_MAX_LENGTH || /[\s\p{Cc}]/u.test(subject)) throw invalid('the persistent identifier is malformed');
  return subject;
}

function readLoa(attributes: SamlAttributes): NsisLevel {
  const loa = required(attributes, OIOSAML_ATTRIBUTES.loa);
  if (!Object.hasOwn(NSIS_RANK, loa)) throw invalid(`the attribute ${OIOSAML_ATTRIBUTES.loa} is not Low, Substantial or High`);
  return loa as NsisLevel;
}

function readName(attributes: SamlAttributes): string | undefined {
  const fullName = single(attributes, OIOSAML_ATTRIBUTES.fullName);
  if (fullName !== undefined) return fullName;
  const parts = [single(attributes, OIOSAML_ATTRIBUTES.firstName), single(attributes, OIOSAML_ATTRIBUTES.lastName)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}


function childElements(parent: Element, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    // The profile's schema leaves PrivilegeGroup and Privilege unqualified; some issuers qualify them.
    if (element.localName === localName && (!element.namespaceURI || element.namespaceURI === BPP_NAMESPACE)) found.push(element);
  }
  return found;
}

/**
 * Reads the base64 `privilegesIntermediate` value: a bpp:PrivilegeList of PrivilegeGroups, each
 * scoped to a CVR (or SE, P or CPR) number. A document type declaration is refused outright: the
 * list never needs one, and entity declarations are how XML parsers are attacked.
 */
export function parsePrivilegeList(encoded: string): PrivilegeGroup[] {
  const compact = encoded.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) throw invalid('the privilege list is not base64');
  if ((compact.length / 4) * 3 > PRIVILEGE_LIST_MAX_BYTES) throw invalid('the privilege list is too large');
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw invalid('the privilege list declares a document type');
  const fail = (): never => {
    throw invalid('the privilege list is not well-formed XML');
  };
  let document: Document;
  try {
    document = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  } catch {
    throw invalid('the privilege list is not well-formed XML');
  }
  const root = document.documentElement;
  if (document.doctype || !root || root.localName !== 'PrivilegeList' || root.namespaceURI !== BPP_NAMESPACE) {
    throw invalid('the privilege list is not a bpp:PrivilegeList');
  }
  return childElements(root, 'PrivilegeGroup').map((group) => {
    const scope = group.getAttribute('Scope')?.trim();
    if (!scope) throw invalid('a privilege group has no scope');
    const privileges = childElements(group, 'Privilege').map((p) => (p.textContent ?? '').trim());
    if (privileges.some((p) => p === '')) throw invalid('a privilege is empty');
    return { scope, privileges, constrained: childElements(group, 'Constraint').length > 0 };
  });
}

/**
 * The privileges the person holds for their own organisation. A group scoped to another CVR
 * (the person also works elsewhere, or a delegation) never grants anything here. A group with
 * data constraints is left out: our user-system roles are registered without constraint types,
 * so a constrained group is a grant we cannot honour as narrowly as it was given.
 */
export function privilegesForCvr(groups: readonly PrivilegeGroup[], cvr: string): string[] {
  const scope = `${CVR_SCOPE_PREFIX}${cvr}`;
  return [...new Set(groups.filter((g) => g.scope === scope && !g.constrained).flatMap((g) => g.privileges))];
}

/** Reads and checks the OIOSAML 3 attributes; anything missing or malformed is `sso_assertion_invalid`. */
export function readOiosamlPerson(attributes: SamlAttributes, nameId?: SamlNameId): OiosamlPerson {
  if (required(attributes, OIOSAML_ATTRIBUTES.specVersion) !== OIOSAML_SPEC_VERSION) throw invalid(`the specVersion is not ${OIOSAML_SPEC_VERSION}`);
  const cvr = required(attributes, OIOSAML_ATTRIBUTES.cvr);
  if (!/^\d{8}$/.test(cvr)) throw invalid('the CVR number is not eight digits');
  const privileges = single(attributes, OIOSAML_ATTRIBUTES.privileges);
  return {
    subject: readSubject(attributes, nameId),
    cvr,
    loa: readLoa(attributes),
    name: readName(attributes),
    // Optional: the sign-in service decides whether it is an address it can use (sso-rules.ts usableEmail).
    email: single(attributes, OIOSAML_ATTRIBUTES.email),
    privilegeGroups: privileges === undefined ? [] : parsePrivilegeList(privileges),
  };
}

export function meetsLoa(loa: NsisLevel, minimum: NsisLevel): boolean {
  return NSIS_RANK[loa] >= NSIS_RANK[minimum];
}

/**
 * Maps a checked person to what single sign-on needs: the roles their own organisation's
 * privileges map to (none or several: the sign-in service decides), the plan their CVR is mapped
 * to (none: only an invitation gets them in), and whether the sign-in was multi-factor (NSIS
 * Substantial and High require two factors). An assurance level below the provider's minimum is
 * refused here, before anything else is looked at.
 */
export function toSsoAssertion(provider: SamlProviderConfig, issuer: string, person: OiosamlPerson): SsoAssertion {
  const minimum = provider.minimumLoa ?? DEFAULT_MINIMUM_LOA;
  if (!meetsLoa(person.loa, minimum)) {
    throw ssoRefusal('sso_loa_too_low');
  }
  const roles = new Set<Role>();
  for (const privilege of privilegesForCvr(person.privilegeGroups, person.cvr)) {
    if (Object.hasOwn(provider.privileges, privilege)) roles.add(provider.privileges[privilege]);
  }
  const membership: SsoMembership | undefined = Object.hasOwn(provider.municipalities, person.cvr) ? provider.municipalities[person.cvr] : undefined;
  return {
    provider,
    issuer,
    subject: person.subject,
    name: person.name,
    email: person.email,
    roles: [...roles],
    membership,
    multiFactor: meetsLoa(person.loa, 'Substantial'),
    nsisLevel: person.loa,
  };
}
