import { randomUUID } from 'node:crypto';

/**
 * TEST ONLY: the XML of the test IdP's messages, shaped like KOMBIT's Context Handler's (OIOSAML 3
 * Web SSO Profile 3.0.3, attribute profile for professionals; OIOSAML Basic Privilege Profile 1.2).
 */

export const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const URI_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';

export interface SamlPerson {
  cvr: string;
  /** CVR → privilege URIs, one PrivilegeGroup each. */
  privileges: Record<string, string[]>;
  loa: 'Low' | 'Substantial' | 'High';
  /** The professional's persistent UUID (`urn:uuid:...`), also the persistent NameID. */
  uuid: string;
  /** First name and last name, as the attributes split them at the first space. */
  name: string;
  email: string;
  /** The person's RID in their organisation. */
  rid?: string;
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The bpp:PrivilegeList (BPP 1.2), base64 as the `privilegesIntermediate` attribute carries it. */
export function privilegeListOf(groups: Record<string, string[]>, constrained: Record<string, string[]> = {}): string {
  const group = (cvr: string, uris: string[], constraint: string) =>
    `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${cvr}">${constraint}${uris.map((u) => `<Privilege>${escapeXml(u)}</Privilege>`).join('')}</PrivilegeGroup>`;
  const body =
    Object.entries(groups).map(([cvr, uris]) => group(cvr, uris, '')).join('') +
    Object.entries(constrained).map(([cvr, uris]) => group(cvr, uris, '<Constraint Name="http://sts.kombit.dk/constraints/KLE/1">32.30.*</Constraint>')).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${body}</bpp:PrivilegeList>`;
  return Buffer.from(xml).toString('base64');
}

/** Name → [FriendlyName, value] of what Context Handler releases about a municipal employee. */
export function contextHandlerAttributes(person: SamlPerson): Record<string, [string, string]> {
  const space = person.name.indexOf(' ');
  return {
    'https://data.gov.dk/model/core/specVersion': ['SpecVer', 'OIO-SAML-3.0'],
    'https://data.gov.dk/model/core/kombitSpecVer': ['KombitSpecVer', '2.0'],
    'https://data.gov.dk/concept/core/nsis/loa': ['NSISLevelOfAssurance', person.loa],
    'https://data.gov.dk/model/core/eid/professional/cvr': ['CVR', person.cvr],
    'https://data.gov.dk/model/core/eid/professional/orgName': ['OrganizationName', `Kommune ${person.cvr}`],
    'https://data.gov.dk/model/core/eid/professional/uuid/persistent': ['ProfessionalPersistentUUID', person.uuid],
    'https://data.gov.dk/model/core/eid/professional/rid': ['RID', person.rid ?? '82131436'],
    'https://data.gov.dk/model/core/eid/firstName': ['FirstName', space > 0 ? person.name.slice(0, space) : person.name],
    'https://data.gov.dk/model/core/eid/lastName': ['LastName', space > 0 ? person.name.slice(space + 1) : ''],
    'https://data.gov.dk/model/core/eid/email': ['Email', person.email],
    'https://data.gov.dk/model/core/eid/privilegesIntermediate': ['Privileges', privilegeListOf(person.privileges)],
  };
}

export interface ResponseShape {
  id?: string;
  assertionId?: string;
  issuer: string;
  /** The Response's Destination; null leaves it out. */
  destination: string | null;
  inResponseTo: string | null;
  recipient: string;
  audience: string;
  issuedAt: Date;
  /** Name → value, to add or replace (an empty string leaves the attribute out). */
  attributes: Record<string, string>;
  person: SamlPerson;
  sessionIndex: string;
}

export function responseXml(r: ResponseShape): string {
  const issued = r.issuedAt.toISOString();
  const until = new Date(r.issuedAt.getTime() + 5 * 60_000).toISOString();
  const inResponseTo = r.inResponseTo === null ? '' : ` InResponseTo="${escapeXml(r.inResponseTo)}"`;
  const destination = r.destination === null ? '' : ` Destination="${escapeXml(r.destination)}"`;
  const values = contextHandlerAttributes(r.person);
  for (const [name, value] of Object.entries(r.attributes)) {
    if (value === '') delete values[name];
    else values[name] = [values[name]?.[0] ?? 'Extra', value];
  }
  const attributes = Object.entries(values)
    .map(
      ([name, [friendly, value]]) =>
        `<saml:Attribute Name="${escapeXml(name)}" FriendlyName="${friendly}" NameFormat="${URI_FORMAT}"><saml:AttributeValue xsi:type="xs:string">${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  const issuer = `<saml:Issuer>${escapeXml(r.issuer)}</saml:Issuer>`;
  return (
    `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${r.id ?? `_${randomUUID()}`}" Version="2.0" IssueInstant="${issued}"${destination}${inResponseTo}>` +
    issuer +
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
    `<saml:Assertion xmlns:saml="${ASSERTION}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${r.assertionId ?? `_${randomUUID()}`}" Version="2.0" IssueInstant="${issued}">` +
    issuer +
    `<saml:Subject><saml:NameID Format="${PERSISTENT}">${escapeXml(r.person.uuid)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${until}" Recipient="${escapeXml(r.recipient)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(r.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${escapeXml(r.sessionIndex)}"><saml:AuthnContext><saml:AuthnContextClassRef>https://data.gov.dk/concept/core/nsis/loa/${r.person.loa}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    '</saml:Assertion></samlp:Response>'
  );
}

/** A failed sign-in (the person cancelled), unsigned and without an assertion, as IdPs send it. */
export function failureXml(issuer: string, acsUrl: string, requestId: string): string {
  return (
    `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="_${randomUUID()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(acsUrl)}" InResponseTo="${escapeXml(requestId)}">` +
    `<saml:Issuer>${escapeXml(issuer)}</saml:Issuer>` +
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"/></samlp:StatusCode>' +
    '<samlp:StatusMessage>The user cancelled</samlp:StatusMessage></samlp:Status></samlp:Response>'
  );
}

export interface LogoutRequestShape {
  id: string;
  issuer: string;
  destination: string;
  nameId: string;
  sessionIndex?: string;
  issuedAt: Date;
  notOnOrAfter?: Date;
}

export function logoutRequestXml(l: LogoutRequestShape): string {
  return (
    `<samlp:LogoutRequest xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${l.id}" Version="2.0" IssueInstant="${l.issuedAt.toISOString()}" Destination="${escapeXml(l.destination)}"` +
    `${l.notOnOrAfter ? ` NotOnOrAfter="${l.notOnOrAfter.toISOString()}"` : ''}>` +
    `<saml:Issuer>${escapeXml(l.issuer)}</saml:Issuer><saml:NameID Format="${PERSISTENT}">${escapeXml(l.nameId)}</saml:NameID>` +
    `${l.sessionIndex ? `<samlp:SessionIndex>${escapeXml(l.sessionIndex)}</samlp:SessionIndex>` : ''}</samlp:LogoutRequest>`
  );
}

export function logoutResponseXml(l: { id: string; issuer: string; destination: string; inResponseTo: string; status?: string }): string {
  return (
    `<samlp:LogoutResponse xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${l.id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(l.destination)}" InResponseTo="${escapeXml(l.inResponseTo)}">` +
    `<saml:Issuer>${escapeXml(l.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="${l.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success'}"/></samlp:Status></samlp:LogoutResponse>`
  );
}
