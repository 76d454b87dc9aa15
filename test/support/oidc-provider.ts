import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Provider } from 'oidc-provider';
// The provider's own in-memory storage, passed explicitly: the default warns on every start that it is not for production.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

/** A person at the test provider: what its ID tokens say about them, and how they sign in there. */
export interface TestAccount {
  /** Entra ID's stable object id, the claim our providers file names as the subject. */
  oid: string;
  name: string;
  email: string;
  /** App roles, as Entra ID puts them in the `roles` claim. */
  roles: string[];
  /** How they signed in at the provider (`['pwd', 'mfa']` after Conditional Access asked for MFA). */
  amr: string[];
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/**
 * A real OpenID Provider (oidc-provider, certified) on a loopback port, shaped like Entra ID: the
 * ID token carries `oid`, `name`, `email`, `roles` and `amr`. There is no login page: the
 * interaction signs in the account the authorization request names in `login_hint` (which a test
 * adds to the URL, as a person would pick an account) and grants the scopes asked for. Accounts
 * can be changed between sign-ins (`accounts.set`), as an administrator changes app roles.
 */
export class TestOidcProvider {
  readonly accounts = new Map<string, TestAccount>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(clients: TestClient[]): Promise<TestOidcProvider> {
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    const server = createServer((req, res) => handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const op = new TestOidcProvider(server, issuer);
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [c.redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      })),
      // Entra ID puts these in the ID token itself; so does this provider (no userinfo round trip).
      conformIdTokenClaims: false,
      claims: { acr: null, amr: null, auth_time: null, sid: null, iss: null, openid: ['sub', 'amr'], profile: ['name', 'oid', 'roles'], email: ['email'] },
      findAccount: (_ctx: unknown, sub: string) => {
        const account = op.accounts.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, oid: account.oid, name: account.name, email: account.email, roles: account.roles }) };
      },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      adapter: createMemoryAdapter(),
      jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    });
    const app = provider.callback();
    handle = (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        op.interact(provider, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
      } else {
        app(req, res);
      }
    };
    return op;
  }

  /** Signs in the account named by `login_hint` and grants what the client asked for, in one step. */
  private async interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const accountId = String(details.params.login_hint ?? '');
    const account = this.accounts.get(accountId);
    if (!account) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'no such test account' }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId, amr: account.amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
