import { randomBytes } from 'node:crypto';
import type { SamlProviderConfig } from '../sso-provider-config';
import { OIOSAML_ATTRIBUTES, PERSISTENT_NAME_ID } from './oiosaml-attributes';
import { ACCEPTED_BLOCK_ENCRYPTION, ACCEPTED_KEY_TRANSPORT, acceptedDigestAlgorithms, acceptedSignatureAlgorithms } from './saml-algorithms';
import type { SamlKeyPair } from './saml-keys';
import { signDocument } from './saml-signature';
import { BINDING_POST, BINDING_REDIRECT, escapeXml as x, SAML_NS } from './saml-xml';

const ATTRNAME_URI = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
const ALGSUPPORT_NS = 'urn:oasis:names:tc:SAML:metadata:algsupport';

/**
 * The OIOSAML 3 attributes we ask for (AttributeConsumingService): the ones that decide who gets
 * in are required, the name and e-mail (only needed for a new account) are not. Nothing else: the
 * Context Handler can release much more (CPR number among it), and we do not want it.
 */
const REQUESTED_ATTRIBUTES: [name: string, friendlyName: string, required: boolean][] = [
  [OIOSAML_ATTRIBUTES.specVersion, 'SpecVer', true],
  [OIOSAML_ATTRIBUTES.loa, 'NSISLevelOfAssurance', true],
  [OIOSAML_ATTRIBUTES.cvr, 'CVR', true],
  [OIOSAML_ATTRIBUTES.persistentUuid, 'ProfessionalPersistentUUID', true],
  [OIOSAML_ATTRIBUTES.privileges, 'Privileges', true],
  [OIOSAML_ATTRIBUTES.email, 'Email', false],
  [OIOSAML_ATTRIBUTES.fullName, 'FullName', false],
  [OIOSAML_ATTRIBUTES.firstName, 'FirstName', false],
  [OIOSAML_ATTRIBUTES.lastName, 'LastName', false],
];

export interface SpMetadataInput {
  provider: SamlProviderConfig;
  acsUrl: string;
  sloUrl: string;
  keys: readonly SamlKeyPair[];
  /** What we sign with: the metadata itself is signed with it, by the first key. */
  signatureAlgorithmUri: string;
}

const keyDescriptor = (use: 'signing' | 'encryption', key: SamlKeyPair) =>
  `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
  (use === 'encryption' ? ACCEPTED_BLOCK_ENCRYPTION.concat(ACCEPTED_KEY_TRANSPORT).map((a) => `<md:EncryptionMethod Algorithm="${a}"/>`).join('') : '') +
  '</md:KeyDescriptor>';

function contactPerson(provider: SamlProviderConfig): string {
  const c = provider.contact;
  const field = (name: string, value: string | undefined) => (value ? `<md:${name}>${x(value)}</md:${name}>` : '');
  return (
    `<md:ContactPerson contactType="${c.type}">${field('Company', c.company)}${field('GivenName', c.givenName)}${field('SurName', c.surName)}` +
    `${field('EmailAddress', `mailto:${c.email}`)}${field('TelephoneNumber', c.telephone)}</md:ContactPerson>`
  );
}

/**
 * Our SP metadata (SAML metadata 2.4.4), signed: KOMBIT's administration module reads it at the
 * URL we give and takes from it our entity id, the certificates it verifies our requests with and
 * encrypts assertions to (every current key, so a new one is known before it is used), the ACS,
 * the single logout endpoint (both bindings), the attributes we ask for, and whom to contact.
 */
export function spMetadataXml(input: SpMetadataInput): string {
  const { provider } = input;
  const algorithms =
    acceptedDigestAlgorithms().map((a) => `<alg:DigestMethod Algorithm="${a}"/>`).join('') +
    [input.signatureAlgorithmUri, ...acceptedSignatureAlgorithms().filter((a) => a !== input.signatureAlgorithmUri)].map((a) => `<alg:SigningMethod Algorithm="${a}"/>`).join('');
  const attributes = REQUESTED_ATTRIBUTES.map(
    ([name, friendly, required]) => `<md:RequestedAttribute Name="${x(name)}" FriendlyName="${friendly}" NameFormat="${ATTRNAME_URI}" isRequired="${required}"/>`,
  ).join('');
  const xml =
    `<md:EntityDescriptor xmlns:md="${SAML_NS.metadata}" xmlns:ds="${SAML_NS.dsig}" xmlns:alg="${ALGSUPPORT_NS}" ID="_${randomBytes(16).toString('hex')}" entityID="${x(provider.spEntityId)}">` +
    `<md:Extensions>${algorithms}</md:Extensions>` +
    `<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="${SAML_NS.protocol}">` +
    input.keys.map((key) => keyDescriptor('signing', key)).join('') +
    input.keys.map((key) => keyDescriptor('encryption', key)).join('') +
    `<md:SingleLogoutService Binding="${BINDING_REDIRECT}" Location="${x(input.sloUrl)}"/>` +
    `<md:SingleLogoutService Binding="${BINDING_POST}" Location="${x(input.sloUrl)}"/>` +
    `<md:NameIDFormat>${PERSISTENT_NAME_ID}</md:NameIDFormat>` +
    `<md:AssertionConsumerService Binding="${BINDING_POST}" Location="${x(input.acsUrl)}" index="0" isDefault="true"/>` +
    `<md:AttributeConsumingService index="0" isDefault="true"><md:ServiceName xml:lang="da">${x(provider.displayName)}</md:ServiceName>${attributes}</md:AttributeConsumingService>` +
    '</md:SPSSODescriptor>' +
    contactPerson(provider) +
    '</md:EntityDescriptor>';
  const signer = input.keys[0];
  return signDocument(xml, signer.keyPem, signer.certPem, input.signatureAlgorithmUri);
}
