import type { DomainError } from '../../common/domain-errors';
import type { SamlProviderConfig } from '../sso-provider-config';
import { OIOSAML_ATTRIBUTES as A, parsePrivilegeList, privilegesForCvr, readOiosamlPerson, toSsoAssertion, type SamlAttributes } from './oiosaml-attributes';

const ISHOJ = '29189765';
const BRONDBY = '65113015';
const CASEWORKER_PRIVILEGE = 'http://helhedsplan.dk/roles/usersystemrole/sagsbehandler/1';
const LEADER_PRIVILEGE = 'http://helhedsplan.dk/roles/usersystemrole/leder/1';

const provider: SamlProviderConfig = {
  kind: 'saml',
  id: 'kombit',
  displayName: 'KOMBIT',
  returnUrl: 'http://localhost:3000/login',
  entryPoint: 'https://idp.test/sso',
  idpEntityId: 'https://idp.test',
  idpCertFiles: ['idp.pem'],
  spEntityId: 'https://helhedsplan.test/saml',
  spKeys: [{ keyFile: 'sp.key', certFile: 'sp.pem' }],
  contact: { type: 'technical', email: 'drift@helhedsplan.test' },
  privileges: { [CASEWORKER_PRIVILEGE]: 'caseworker', [LEADER_PRIVILEGE]: 'leader' },
  municipalities: { [ISHOJ]: { planId: '8a4f7a0e-0000-4000-8000-000000000001', organisationId: '8a4f7a0e-0000-4000-8000-000000000002' } },
};

function privilegeList(groups: Record<string, string[]>, extra = ''): string {
  const body = Object.entries(groups)
    .map(([cvr, privileges]) => `<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${cvr}">${privileges.map((p) => `<Privilege>${p}</Privilege>`).join('')}</PrivilegeGroup>`)
    .join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">${body}${extra}</bpp:PrivilegeList>`).toString('base64');
}

function caseworker(overrides: Record<string, unknown> = {}): SamlAttributes {
  const attributes: Record<string, unknown> = {
    [A.specVersion]: 'OIO-SAML-3.0',
    [A.loa]: 'Substantial',
    [A.cvr]: ISHOJ,
    [A.persistentUuid]: 'urn:uuid:5f1c3c1e-8c2e-4a35-9b1d-3a0c2f6d7e11',
    [A.fullName]: 'Mette Sørensen',
    [A.email]: 'mette.sorensen@ishoj.dk',
    [A.privileges]: privilegeList({ [ISHOJ]: [CASEWORKER_PRIVILEGE] }),
    ...overrides,
  };
  for (const [key, value] of Object.entries(attributes)) if (value === undefined) delete attributes[key];
  return attributes;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
}

const assertionFor = (attributes: SamlAttributes, p = provider) => toSsoAssertion(p, 'https://idp.test', readOiosamlPerson(attributes));

describe('reading a KOMBIT sign-in (OIOSAML 3 attributes)', () => {
  it('maps a caseworker of a mapped municipality with a mapped privilege, signed in at Substantial', () => {
    expect(assertionFor(caseworker())).toEqual({
      provider,
      issuer: 'https://idp.test',
      subject: 'urn:uuid:5f1c3c1e-8c2e-4a35-9b1d-3a0c2f6d7e11',
      name: 'Mette Sørensen',
      email: 'mette.sorensen@ishoj.dk',
      roles: ['caseworker'],
      membership: provider.municipalities[ISHOJ],
      multiFactor: true,
      nsisLevel: 'Substantial',
    });
  });

  it('counts High as multi-factor and refuses Low below the default minimum (Betydelig)', () => {
    expect(assertionFor(caseworker({ [A.loa]: 'High' }))).toMatchObject({ multiFactor: true, nsisLevel: 'High' });
    expect(codeOf(() => assertionFor(caseworker({ [A.loa]: 'Low' })))).toBe('sso_loa_too_low');
  });

  it('accepts Low, without counting it as multi-factor, only where the provider allows it', () => {
    expect(assertionFor(caseworker({ [A.loa]: 'Low' }), { ...provider, minimumLoa: 'Low' }).multiFactor).toBe(false);
    expect(codeOf(() => assertionFor(caseworker(), { ...provider, minimumLoa: 'High' }))).toBe('sso_loa_too_low');
  });

  it('ignores privileges granted in another organisation\'s group', () => {
    const attributes = caseworker({ [A.privileges]: privilegeList({ [BRONDBY]: [LEADER_PRIVILEGE], [ISHOJ]: [CASEWORKER_PRIVILEGE] }) });
    expect(assertionFor(attributes).roles).toEqual(['caseworker']);
    expect(assertionFor(caseworker({ [A.privileges]: privilegeList({ [BRONDBY]: [CASEWORKER_PRIVILEGE] }) })).roles).toEqual([]);
  });

  it('gives no role for unmapped privileges, a missing list or prototype names, and every role for several mapped ones', () => {
    expect(assertionFor(caseworker({ [A.privileges]: privilegeList({ [ISHOJ]: ['urn:other:system:role', 'constructor', '__proto__'] }) })).roles).toEqual([]);
    expect(assertionFor(caseworker({ [A.privileges]: undefined })).roles).toEqual([]);
    expect(assertionFor(caseworker({ [A.privileges]: privilegeList({ [ISHOJ]: [CASEWORKER_PRIVILEGE, LEADER_PRIVILEGE] }) })).roles).toEqual(['caseworker', 'leader']);
  });

  it('leaves the plan open for an unmapped CVR (only an invitation can let them in)', () => {
    expect(assertionFor(caseworker({ [A.cvr]: BRONDBY, [A.privileges]: privilegeList({ [BRONDBY]: [CASEWORKER_PRIVILEGE] }) })).membership).toBeUndefined();
    expect(assertionFor(caseworker({ [A.cvr]: '00000000' }), { ...provider, municipalities: {} }).membership).toBeUndefined();
  });

  it('takes the subject from a persistent NameID when the uuid attribute is absent, never from another format', () => {
    const without = caseworker({ [A.persistentUuid]: undefined });
    expect(readOiosamlPerson(without, { value: 'urn:uuid:1', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' }).subject).toBe('urn:uuid:1');
    expect(codeOf(() => readOiosamlPerson(without, { value: 'x@y.dk', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }))).toBe('sso_assertion_invalid');
  });

  it('joins first and last name when there is no full name', () => {
    expect(readOiosamlPerson(caseworker({ [A.fullName]: undefined, [A.firstName]: 'Mette', [A.lastName]: 'Sørensen' })).name).toBe('Mette Sørensen');
  });

  it.each([
    ['no specVersion', { [A.specVersion]: undefined }],
    ['an OIOSAML 2 specVersion', { [A.specVersion]: 'DK-SAML-2.0' }],
    ['no assurance level', { [A.loa]: undefined }],
    ['an unknown assurance level', { [A.loa]: 'Betydelig' }],
    ['no CVR', { [A.cvr]: undefined }],
    ['a CVR that is not eight digits', { [A.cvr]: '2918976' }],
    ['two CVR values', { [A.cvr]: [ISHOJ, BRONDBY] }],
    ['a structured value', { [A.fullName]: { Name: ['x'] } }],
    ['no subject', { [A.persistentUuid]: undefined }],
    ['a subject with spaces', { [A.persistentUuid]: 'urn:uuid: 1' }],
    ['two e-mail addresses', { [A.email]: ['a@ishoj.dk', 'b@ishoj.dk'] }],
    ['a privilege list that is not base64', { [A.privileges]: '<bpp:PrivilegeList/>' }],
  ])('refuses an assertion with %s', (_what, overrides) => {
    expect(codeOf(() => readOiosamlPerson(caseworker(overrides)))).toBe('sso_assertion_invalid');
  });
});

describe('the privilege list (OIO Basic Privilege Profile)', () => {
  const encode = (xml: string) => Buffer.from(xml).toString('base64');

  it('reads groups and their privileges, and marks groups with data constraints', () => {
    const xml = `<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile">
        <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${ISHOJ}">
          <Privilege> ${CASEWORKER_PRIVILEGE} </Privilege>
        </PrivilegeGroup>
        <PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:${ISHOJ}">
          <Constraint Name="urn:dk:kombit:KLE">25.*</Constraint>
          <Privilege>${LEADER_PRIVILEGE}</Privilege>
        </PrivilegeGroup>
      </bpp:PrivilegeList>`;
    const groups = parsePrivilegeList(encode(xml));
    expect(groups).toEqual([
      { scope: `urn:dk:gov:saml:cvrNumberIdentifier:${ISHOJ}`, privileges: [CASEWORKER_PRIVILEGE], constrained: false },
      { scope: `urn:dk:gov:saml:cvrNumberIdentifier:${ISHOJ}`, privileges: [LEADER_PRIVILEGE], constrained: true },
    ]);
    expect(privilegesForCvr(groups, ISHOJ)).toEqual([CASEWORKER_PRIVILEGE]);
  });

  it.each([
    ['a document type with entities', `<!DOCTYPE l [<!ENTITY x "${CASEWORKER_PRIVILEGE}">]><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="s"><Privilege>&x;</Privilege></PrivilegeGroup></bpp:PrivilegeList>`],
    ['an external entity', '<!DOCTYPE l SYSTEM "file:///etc/passwd"><bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"/>'],
    ['XML that is not well-formed', '<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup>'],
    ['another root element', '<PrivilegeList><PrivilegeGroup Scope="s"><Privilege>p</Privilege></PrivilegeGroup></PrivilegeList>'],
    ['a group without scope', '<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup><Privilege>p</Privilege></PrivilegeGroup></bpp:PrivilegeList>'],
    ['an empty privilege', '<bpp:PrivilegeList xmlns:bpp="http://digst.dk/oiosaml/basic_privilege_profile"><PrivilegeGroup Scope="s"><Privilege> </Privilege></PrivilegeGroup></bpp:PrivilegeList>'],
    ['text that is not XML', 'privileges: all'],
  ])('refuses %s', (_what, xml) => {
    expect(codeOf(() => parsePrivilegeList(encode(xml)))).toBe('sso_assertion_invalid');
  });

  it('refuses a list larger than any real one before parsing it', () => {
    expect(codeOf(() => parsePrivilegeList('A'.repeat(200_000)))).toBe('sso_assertion_invalid');
  });
});
