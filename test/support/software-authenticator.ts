import { isoCBOR } from '@simplewebauthn/server/helpers';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A passkey in software, for tests: what a security key or a phone does when the browser calls
 * navigator.credentials.create() and .get(), answered as the JSON the browser sends (WebAuthn
 * Level 3, §6.1 authenticator data, §6.5 attestation "none", §6.3.3 assertion signatures).
 * An ES256 (P-256) key pair from node:crypto; flags user present and verified.
 */
export interface RegistrationAnswer {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
  clientExtensionResults: Record<string, unknown>;
}

export interface AuthenticationAnswer {
  id: string;
  rawId: string;
  type: 'public-key';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
  clientExtensionResults: Record<string, unknown>;
}

/** What the browser (or a tampering one) puts into the answer in place of the real thing. */
export interface Tampering {
  origin?: string;
  challenge?: string;
  rpId?: string;
  /** The signature counter to report instead of the next one. */
  signCount?: number;
}

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;
const COSE_EC2 = 2;
const COSE_ES256 = -7;
const COSE_P256 = 1;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

export class SoftwareAuthenticator {
  readonly credentialId: Buffer;
  /** The signature counter; each assertion counts it up by one. */
  signCount = 0;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  /**
   * @param origin the web client's origin the browser reports (test-app.ts: http://localhost:3000)
   * @param credentialId to claim an existing credential's id with a key of its own (a forgery)
   */
  constructor(private readonly options: { origin?: string; credentialId?: Buffer; keys?: { privateKey: KeyObject; publicKey: KeyObject } } = {}) {
    this.credentialId = options.credentialId ?? randomBytes(32);
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = options.keys ?? generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** The same credential and key with the same counter: a cloned authenticator. */
  clone(): SoftwareAuthenticator {
    const copy = new SoftwareAuthenticator({ ...this.options, credentialId: this.credentialId, keys: { privateKey: this.privateKey, publicKey: this.publicKey } });
    copy.signCount = this.signCount;
    return copy;
  }

  /** navigator.credentials.create() for registration options from the API. */
  register(options: { challenge: string; rp: { id?: string } }, tampering: Tampering = {}): RegistrationAnswer {
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, tampering);
    const authData = Buffer.concat([
      this.authDataHead(tampering.rpId ?? options.rp.id ?? 'localhost', FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_CREDENTIAL, tampering.signCount ?? this.signCount),
      Buffer.alloc(16), // AAGUID: none, as with attestation "none"
      u16(this.credentialId.length),
      this.credentialId,
      this.cosePublicKey(),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['usb'] },
      clientExtensionResults: {},
    };
  }

  /** navigator.credentials.get() for sign-in options from the API: signs authData || sha256(clientDataJSON). */
  authenticate(options: { challenge: string; rpId?: string }, tampering: Tampering = {}): AuthenticationAnswer {
    if (tampering.signCount === undefined) this.signCount += 1;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, tampering);
    const authenticatorData = this.authDataHead(tampering.rpId ?? options.rpId ?? 'localhost', FLAG_USER_PRESENT | FLAG_USER_VERIFIED, tampering.signCount ?? this.signCount);
    // ECDSA in DER (node's default encoding), as WebAuthn wants for ES256 (§6.5.5).
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authenticatorData), signature: b64url(signature) },
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string, tampering: Tampering): Buffer {
    const origin = tampering.origin ?? this.options.origin ?? 'http://localhost:3000';
    return Buffer.from(JSON.stringify({ type, challenge: tampering.challenge ?? challenge, origin, crossOrigin: false }));
  }

  /** rpIdHash (32) | flags (1) | signCount (4, big-endian). */
  private authDataHead(rpId: string, flags: number, signCount: number): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(signCount);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }

  /** The public key as a COSE_Key (RFC 9053): EC2, ES256, P-256, x and y. */
  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return isoCBOR.encode(
      new Map<number, CborValue>([
        [1, COSE_EC2],
        [3, COSE_ES256],
        [-1, COSE_P256],
        [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
      ]),
    );
  }
}

type CborValue = Parameters<typeof isoCBOR.encode>[0];

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}
