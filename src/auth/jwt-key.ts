import { createSecretKey, type KeyObject } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

const keys = new WeakMap<AppConfig, KeyObject>();

/**
 * The HS256 key as a KeyObject, built once per configuration. Handed a string, jsonwebtoken first
 * tries to parse it as a PEM public key on every verify, and fails (an exception) before it makes
 * a secret key of it: that was a fifth of the API's CPU time under load (bench/README.md).
 */
export function jwtKey(config: AppConfig): KeyObject {
  let key = keys.get(config);
  if (!key) {
    key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    keys.set(config, key);
  }
  return key;
}
