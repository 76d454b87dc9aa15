import { ConfigurationError, loadConfig } from './app-config';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it.each([[undefined], [''], ['false'], ['0'], ['off']])('trusts no proxy when it is %p', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ value: false });
  });

  it('takes a number as the count of proxies in front of the service', () => {
    expect(parseTrustProxy('1')).toEqual({ value: 1 });
    expect(parseTrustProxy(' 2 ')).toEqual({ value: 2 });
  });

  it('takes a comma list of proxy addresses, ranges and the named ranges', () => {
    expect(parseTrustProxy('10.0.0.5, 10.0.1.0/24,fd00::/8,::1,loopback')).toEqual({ value: ['10.0.0.5', '10.0.1.0/24', 'fd00::/8', '::1', 'loopback'] });
  });

  it.each([['true'], ['TRUE'], ['yes'], ['on']])('refuses %p, naming the forms it takes, because every client could then choose its address', (raw) => {
    const parsed = parseTrustProxy(raw);
    expect('problem' in parsed && parsed.problem).toMatch(/choose its own address.*TRUST_PROXY=1.*TRUST_PROXY=10\.0\.0\.5/);
  });

  it.each([['11'], ['10.0.0.300'], ['10.0.0.0/33'], ['proxy.example.dk'], ['10.0.0.1/24/8'], ['1,2']])('refuses %p', (raw) => {
    expect(parseTrustProxy(raw)).toHaveProperty('problem');
  });

  it('stops the service at start with a message naming the variable when it is true', () => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: 'true' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY=true/);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(40) }).trustProxy).toBe(false);
  });
});
