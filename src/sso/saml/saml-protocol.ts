import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { REDIS } from '../../redis/redis.module';
import type { SsoAssertion } from '../sso-assertion';
import { invalidAssertion, UnknownSsoProvider } from '../sso-errors';
import { SsoProtocols, type SsoProtocol } from '../sso-protocol';
import type { SamlProviderConfig, SsoProviderConfig } from '../sso-provider-config';
import { SsoProviders } from '../sso-providers';
import type { SsoState } from '../sso-states';
import { RedisSamlRequestCache } from './saml-request-cache';
import { readSamlKeys, SAML_REQUEST_TTL_MS, SamlServiceProvider } from './saml-service-provider';

/**
 * OIOSAML 3 (KOMBIT's Context Handler): the AuthnRequest goes out by HTTP-Redirect with the SSO
 * state as RelayState, and the answer comes back by HTTP-POST to the ACS (saml.controller.ts).
 * Every SAML provider's keys are read at start-up, so a missing or broken key file stops the
 * service with its name instead of failing at a user's sign-in.
 */
@Injectable()
export class SamlProtocol implements SsoProtocol<SamlProviderConfig> {
  private serviceProviders = new Map<string, SamlServiceProvider>();

  constructor(protocols: SsoProtocols, providers: SsoProviders, @Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    // Every SAML provider's keys are read when the providers are (at start-up and at every reload), so a
    // missing or broken key file stops the start, or leaves the keys in use in place, with its name.
    providers.register((list) => {
      const next = new Map<string, SamlServiceProvider>();
      for (const provider of list) {
        if (provider.kind !== 'saml') continue;
        const cache = new RedisSamlRequestCache(redis, provider.id, SAML_REQUEST_TTL_MS);
        next.set(provider.id, new SamlServiceProvider(provider, readSamlKeys(provider), config.publicUrl, cache));
      }
      return () => {
        this.serviceProviders = next;
      };
    });
    protocols.register('saml', this);
  }

  async start(provider: SamlProviderConfig, state: SsoState): Promise<string> {
    const { url, requestId } = await this.serviceProvider(provider).authnRequest(state.id, { forceAuthn: state.reauthenticate === true });
    state.requestId = requestId;
    return url;
  }

  /** The ACS's check of the posted answer against the state its RelayState named. */
  async verify(provider: SsoProviderConfig, state: SsoState, samlResponse: string): Promise<SsoAssertion> {
    if (!state.requestId) throw invalidAssertion();
    return (await this.serviceProvider(provider).validatePostResponse(samlResponse, state.requestId)).assertion;
  }

  /** Our metadata for a SAML provider; any other id is 404 `sso_provider_unknown`. */
  metadata(provider: SsoProviderConfig): string {
    return this.serviceProvider(provider).metadataXml();
  }

  /** The service provider in use for a SAML provider; any other is 404 `sso_provider_unknown`. */
  serviceProvider(provider: SsoProviderConfig): SamlServiceProvider {
    const serviceProvider = provider.kind === 'saml' ? this.serviceProviders.get(provider.id) : undefined;
    if (!serviceProvider) throw new UnknownSsoProvider();
    return serviceProvider;
  }
}
