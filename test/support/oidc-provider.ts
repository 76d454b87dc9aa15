import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Provider } from 'oidc-provider';
// The provider's own in-memory storage, passed explicitly: the default warns on every start that it is not for production.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';
import { decodeJwt, logoutTokenClaims, rewriteIdTokenOf, signJwt, type JwtParts } from './oidc-provider-tokens';

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
  /** Conditional Access authentication contexts the sign-in satisfied (Entra ID's `acrs`), given only when asked for. */
  acrs?: string[];
  /** How long ago they authenticated at the provider (its `auth_time`): a session it reused instead of asking again. */
  authenticatedSecondsAgo?: number;
}

export interface TestClient {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  /** `private_key_jwt` with these public keys, instead of the secret. */
  jwks?: JsonWebKey[];
  postLogoutRedirectUris?: string[];
  backchannelLogoutUri?: string;
}

/**
 * A real OpenID Provider (oidc-provider, certified) on a loopback port, shaped like Entra ID: the
 * ID token carries `oid`, `name`, `email`, `roles` and `amr`. There is no login page: the
 * interaction signs in the account the authorization request names in `login_hint` (which a test
 * adds to the URL, as a person would pick an account) and grants the scopes asked for. Accounts
 * can be changed between sign-ins (`accounts.set`), as an administrator changes app roles.
 *
 * Like Entra ID it can leave `auth_time` out of ID tokens (`omitAuthTime`: the optional claim not
 * configured), and a test can rewrite the next ID token it issues (`rewriteNextIdToken`).
 */
export class TestOidcProvider {
  readonly accounts = new Map<string, TestAccount>();
  /** Entra ID without the optional claim `auth_time`. */
  omitAuthTime = false;
  /** The last `client_assertion` a client sent to the token endpoint (private_key_jwt). */
  lastClientAssertion: string | undefined;
  private nextRewrite: ((token: JwtParts) => { token: JwtParts; key?: KeyObject }) | undefined;

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly signingKey: KeyObject,
  ) {}

  static async start(clients: TestClient[]): Promise<TestOidcProvider> {
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    const server = createServer((req, res) => handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const op = new TestOidcProvider(server, issuer, privateKey);
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        // A client's keys by jwks_uri, served below: oidc-provider copies static metadata with structuredClone, whose objects
        // come from outside jest's realm, and then refuses an inline jwks as not a plain object.
        ...(c.jwks ? { token_endpoint_auth_method: 'private_key_jwt', jwks_uri: `${issuer}/client-jwks/${c.clientId}` } : { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' }),
        redirect_uris: [c.redirectUri],
        post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
        ...(c.backchannelLogoutUri ? { backchannel_logout_uri: c.backchannelLogoutUri, backchannel_logout_session_required: true } : {}),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // Entra ID with the optional claim auth_time configured (the README asks for it); `omitAuthTime` takes it away.
        require_auth_time: true,
      })),
      // Entra ID puts these in the ID token itself; so does this provider (no userinfo round trip).
      conformIdTokenClaims: false,
      claims: { acr: null, amr: null, auth_time: null, sid: null, iss: null, acrs: null, openid: ['sub', 'amr'], profile: ['name', 'oid', 'roles'], email: ['email'] },
      findAccount: (_ctx: unknown, sub: string) => {
        const account = op.accounts.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, oid: account.oid, name: account.name, email: account.email, roles: account.roles, ...(account.acrs ? { acrs: account.acrs } : {}) }) };
      },
      features: {
        devInteractions: { enabled: false },
        claimsParameter: { enabled: true },
        backchannelLogout: { enabled: true },
        // The confirmation page is the bare form, which TestBrowser.confirmLogout posts.
        rpInitiatedLogout: { enabled: true, logoutSource: (ctx: { body: string }, form: string) => void (ctx.body = form) },
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      adapter: createMemoryAdapter(),
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    });
    provider.use(async (ctx, next) => {
      await next();
      const assertion = ctx.oidc?.body?.client_assertion;
      if (ctx.path === '/token' && typeof assertion === 'string') op.lastClientAssertion = assertion;
    });
    const app = provider.callback();
    const clientJwks = new Map(clients.filter((c) => c.jwks).map((c) => [`/client-jwks/${c.clientId}`, JSON.stringify({ keys: c.jwks })]));
    handle = (req, res) => {
      const jwks = clientJwks.get(req.url ?? '');
      if (jwks) {
        res.setHeader('content-type', 'application/json');
        res.end(jwks);
        return;
      }
      if (req.url?.startsWith('/interaction/')) {
        op.interact(provider, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
        return;
      }
      if (req.method === 'POST' && req.url === '/token') rewriteIdTokenOf(res, (token) => op.rewriteIdToken(token));
      app(req, res);
    };
    return op;
  }

  /** The next ID token this provider issues is changed by `rewrite`, and signed with its own key or `key`. */
  rewriteNextIdToken(rewrite: (token: JwtParts) => { token: JwtParts; key?: KeyObject }): void {
    this.nextRewrite = rewrite;
  }

  /** A logout token as this provider signs them (or `key`), naming `sub` and/or `sid`, for `audience`; `change` edits its claims. */
  logoutToken(audience: string, names: { sub?: string; sid?: string }, options: { change?: (claims: Record<string, unknown>) => void; key?: KeyObject; header?: Record<string, unknown> } = {}): string {
    const claims = logoutTokenClaims(this.issuer, audience, names);
    options.change?.(claims);
    return signJwt({ header: { alg: 'RS256', kid: 'test', typ: 'logout+jwt', ...options.header }, claims }, options.key ?? this.signingKey);
  }

  private rewriteIdToken(token: string): string {
    const rewrite = this.nextRewrite;
    this.nextRewrite = undefined;
    if (!rewrite && !this.omitAuthTime) return token;
    let parts = decodeJwt(token);
    if (this.omitAuthTime) parts = { ...parts, claims: { ...parts.claims, auth_time: undefined } };
    const rewritten = rewrite ? rewrite(parts) : { token: parts };
    return signJwt(rewritten.token, rewritten.key ?? this.signingKey);
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
    // Claims asked for by the claims parameter (Entra ID's acrs) are granted like the scopes.
    const missing = details.prompt?.details?.missingOIDCClaims;
    if (Array.isArray(missing) && missing.length) grant.addOIDCClaims(missing as string[]);
    const grantId = await grant.save();
    const ts = Math.floor(Date.now() / 1000) - (account.authenticatedSecondsAgo ?? 0);
    await provider.interactionFinished(req, res, { login: { accountId, amr: account.amr, ts }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
