import { Inject, Injectable } from '@nestjs/common';
import { accessSync, constants, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnknownSsoProvider } from './sso-errors';
import { parseProvidersFile } from './sso-providers-file';
import type { OidcProviderConfig, SsoProviderConfig } from './sso-provider-config';

const readable = (path: string): boolean => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The configured single sign-on providers (SSO_PROVIDERS_FILE), read and checked once at start-up:
 * a mistake in the file stops the service with a message naming the provider and the field,
 * rather than failing at a user's first sign-in. Without the setting there are none.
 */
@Injectable()
export class SsoProviders {
  private readonly byId = new Map<string, SsoProviderConfig>();
  private readonly clientSecrets = new Map<string, string>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.ssoProvidersFile) return;
    const file = resolve(config.ssoProvidersFile);
    try {
      const parsed = parseProvidersFile(JSON.parse(readFileSync(file, 'utf8')), { file, env: process.env, production: config.production, fileReadable: readable });
      for (const provider of parsed.providers) this.byId.set(provider.id, provider);
      for (const [id, secret] of parsed.clientSecrets) this.clientSecrets.set(id, secret);
    } catch (error) {
      throw new ConfigurationError(`SSO_PROVIDERS_FILE: ${(error as Error).message}`);
    }
  }

  list(): SsoProviderConfig[] {
    return [...this.byId.values()];
  }

  /** The provider of a sign-in route; an unknown id is 404 `sso_provider_unknown`. */
  get(id: string): SsoProviderConfig {
    const provider = this.byId.get(id);
    if (!provider) throw new UnknownSsoProvider();
    return provider;
  }

  /** The OIDC client secret, from the environment variable the file names (checked at start-up). */
  clientSecret(provider: OidcProviderConfig): string {
    return this.clientSecrets.get(provider.id) as string;
  }
}
