import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError, type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnknownSsoProvider } from './sso-errors';
import { keyFilesOf, parseProvidersFile, type ParsedProviders } from './sso-providers-file';
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
 * Readies what a protocol builds from the providers (SAML service providers with their keys, OIDC
 * clients): it throws when a provider cannot be used, and otherwise answers the step that puts the
 * new providers into use. Every protocol prepares before any commits, so a reload is all or nothing.
 */
export type ProvidersPreparer = (providers: SsoProviderConfig[]) => () => void;

/** What the operator sees of the last reload (GET /health/ready's details, for the admin). */
export interface ProvidersReloadStatus {
  loadedAt: Date;
  /** Why the newest version of the file (or a key file) was not taken into use; the one before it stays in use. */
  lastError?: { at: Date; message: string };
}

/**
 * The configured single sign-on providers (SSO_PROVIDERS_FILE), read and checked at start-up: a
 * mistake in the file stops the service with a message naming the provider and the field, rather
 * than failing at a user's first sign-in. Without the setting there are none.
 *
 * Keys roll over without a restart (an IdP's new certificate next to the old, a new SP key): the
 * file and every key file it names are read again on SIGHUP and every SSO_PROVIDERS_RELOAD_SECONDS,
 * and when anything changed, the new providers are checked as at start-up and taken into use as a
 * whole. A file with a mistake is logged and the providers in use stay, so a typo during a rollover
 * never turns sign-in off.
 */
@Injectable()
export class SsoProviders implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SsoProviders.name);
  private readonly file?: string;
  private current: ParsedProviders = { providers: [], clientSecrets: new Map() };
  private byId = new Map<string, SsoProviderConfig>();
  private fingerprint = '';
  private readonly preparers: ProvidersPreparer[] = [];
  private status: ProvidersReloadStatus = { loadedAt: new Date() };
  private timer?: NodeJS.Timeout;
  private readonly onSignal = () => void this.reload('SIGHUP');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.ssoProvidersFile) return;
    this.file = resolve(config.ssoProvidersFile);
    try {
      const { parsed, fingerprint } = this.read();
      this.use(parsed, fingerprint);
    } catch (error) {
      throw new ConfigurationError(`SSO_PROVIDERS_FILE: ${(error as Error).message}`);
    }
  }

  onModuleInit(): void {
    if (!this.file) return;
    process.on('SIGHUP', this.onSignal);
    const seconds = this.config.ssoProvidersReloadSeconds;
    if (seconds > 0) this.timer = setInterval(() => void this.reload('interval'), seconds * 1000).unref();
  }

  onApplicationShutdown(): void {
    process.off('SIGHUP', this.onSignal);
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * A protocol's part of taking providers into use: called at once with the providers of start-up
   * (a throw stops the start, as a broken file does), and again at every reload.
   */
  register(preparer: ProvidersPreparer): void {
    try {
      preparer(this.current.providers)();
    } catch (error) {
      throw new ConfigurationError(`SSO_PROVIDERS_FILE: ${(error as Error).message}`, { cause: error });
    }
    this.preparers.push(preparer);
  }

  /**
   * Reads the file and its key files again; when something changed, checks and takes the new
   * providers into use. Answers whether they changed; never throws (a mistake is logged and kept in
   * `reloadStatus`).
   */
  reload(trigger: 'SIGHUP' | 'interval' | 'request' = 'request'): boolean {
    if (!this.file) return false;
    try {
      const { parsed, fingerprint } = this.read();
      if (fingerprint === this.fingerprint) {
        // Back to (or still) the file in use: an earlier mistake is no longer there to report.
        if (this.status.lastError) this.status = { loadedAt: this.status.loadedAt };
        return false;
      }
      const commits = this.preparers.map((prepare) => prepare(parsed.providers));
      this.use(parsed, fingerprint);
      for (const commit of commits) commit();
      this.logger.log({ trigger, providers: parsed.providers.map((p) => p.id) }, 'Single sign-on providers reloaded');
      return true;
    } catch (error) {
      const message = (error as Error).message;
      if (this.status.lastError?.message !== message) this.logger.error({ trigger, problem: message }, 'SSO_PROVIDERS_FILE changed but cannot be used; the providers in use stay');
      this.status = { ...this.status, lastError: { at: new Date(), message } };
      return false;
    }
  }

  reloadStatus(): ProvidersReloadStatus {
    return this.status;
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

  /** The OIDC client secret, from the environment variable the file names (checked at start-up); none for `private_key_jwt`. */
  clientSecret(provider: OidcProviderConfig): string | undefined {
    return this.current.clientSecrets.get(provider.id);
  }

  /** The file and the key files it names, with a fingerprint of all their bytes. */
  private read(): { parsed: ParsedProviders; fingerprint: string } {
    const file = this.file as string;
    const content = readFileSync(file);
    const parsed = parseProvidersFile(JSON.parse(content.toString('utf8')), { file, env: process.env, production: this.config.production, fileReadable: readable });
    const hash = createHash('sha256').update(content);
    for (const keyFile of parsed.providers.flatMap(keyFilesOf)) hash.update(keyFile).update(readFileSync(keyFile));
    return { parsed, fingerprint: hash.digest('hex') };
  }

  private use(parsed: ParsedProviders, fingerprint: string): void {
    this.current = parsed;
    this.byId = new Map(parsed.providers.map((provider) => [provider.id, provider]));
    this.fingerprint = fingerprint;
    this.status = { loadedAt: new Date() };
  }
}
