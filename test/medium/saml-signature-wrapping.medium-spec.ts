import { commentIn, DUPLICATE_ID, PLAIN_BESIDE_ENCRYPTED, XSW } from '../support/saml-xsw';
import { mette, refusalOf, samlSpWorld, signIn } from '../support/saml-sp-world';

/**
 * XML signature wrapping against our ACS: an attacker with a valid answer of their own (a
 * municipal employee, or a stolen one) rearranges it so that the signature still verifies while
 * another assertion is read. Every shape is refused before any attribute is read, with the
 * reason the operator's log gets, and the untouched answer still signs in (so a refusal is for the
 * tampering, not for a broken fixture).
 */
describe('our SAML service provider against XML signature wrapping', () => {
  const world = samlSpWorld();

  it('signs in with the answers the attacks start from (signed assertion, signed Response too)', async () => {
    for (const spoil of [{ plain: true }, { plain: true, signResponse: true }]) {
      expect((await signIn(world.lenientSp, world.idp, mette(), spoil)).assertion.roles).toEqual(['caseworker']);
    }
  });

  it.each(Object.entries(XSW))('refuses %s', async (name, tamper) => {
    // XSW1 and XSW2 wrap the Response's signature, so their answer has one.
    const spoil = { plain: true, signResponse: name.startsWith('XSW1') || name.startsWith('XSW2'), tamper };
    expect(await refusalOf(signIn(world.lenientSp, world.idp, mette(), spoil))).toEqual({ code: 'sso_assertion_invalid', reason: expect.stringMatching(/Invalid signature|more than one Response/) });
  });

  it('refuses an unsigned assertion in clear next to a valid encrypted one', async () => {
    expect(await refusalOf(signIn(world.sp, world.idp, mette(), { tamper: PLAIN_BESIDE_ENCRYPTED }))).toEqual({ code: 'sso_assertion_invalid', reason: 'Invalid signature: the answer holds more than one assertion' });
  });

  it('refuses an answer in which another element carries the signed assertion\'s ID', async () => {
    expect(await refusalOf(signIn(world.lenientSp, world.idp, mette(), { plain: true, tamper: DUPLICATE_ID }))).toEqual({ code: 'sso_assertion_invalid', reason: 'Invalid signature: the ID of the assertion occurs more than once' });
  });

  it('refuses a comment slipped into the signed NameID and persistent uuid, which the signature does not notice', async () => {
    const person = mette({ uuid: 'urn:uuid:5f1c3c1e-8c2e-4a35-9b1d-3a0c2f6d7e11.attacker' });
    const tamper = commentIn(person.uuid, person.uuid.indexOf('.attacker'));
    expect(await refusalOf(signIn(world.lenientSp, world.idp, person, { plain: true, tamper }))).toEqual({ code: 'sso_assertion_invalid', reason: 'the answer contains an XML comment' });
  });
});
