import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config/loadConfig.ts';
import { GongkaiError } from '../errors/GongkaiError.ts';
import type { AppEnv } from './AppEnv.ts';

const loopbackNames = ['localhost', '127.0.0.1', '::1', '[::1]'];
const wildcardAddresses = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The host names the service answers to: loopback names, the host it listens on (unless a wildcard address),
 * the host of GONGKAI_PUBLIC_ORIGIN and GONGKAI_ALLOWED_HOSTS (`*` there turns the check off).
 */
export function allowedHostsOf(config: Config): ReadonlySet<string> | 'any' {
  if (config.service.allowedHosts.includes('*')) return 'any';
  const hosts = new Set<string>(loopbackNames);
  if (!wildcardAddresses.has(config.host)) hosts.add(config.host.toLowerCase());
  if (config.service.publicOrigin) hosts.add(new URL(config.service.publicOrigin).hostname.toLowerCase());
  for (const host of config.service.allowedHosts) hosts.add(host.toLowerCase());
  return hosts;
}

/**
 * Refuses requests whose Host header names a host this service is not known by (DNS rebinding: a hostile page
 * on evil.example resolving to 127.0.0.1 would otherwise reach the API as a same-origin caller). /healthz is
 * exempt so probes that address the service by IP keep working; it serves nothing else.
 */
export function hostCheck(config: Config): MiddlewareHandler<AppEnv> {
  const allowed = allowedHostsOf(config);
  return async (c, next) => {
    if (allowed === 'any' || c.req.path === '/healthz') return next();
    const host = new URL(c.req.url).hostname.toLowerCase();
    if (!allowed.has(host) && !allowed.has(host.replace(/^\[|\]$/g, ''))) {
      throw new GongkaiError('bad-request', `unknown host ${host.slice(0, 100)}: this service answers to ${[...allowed].join(', ')}; add the name to GONGKAI_ALLOWED_HOSTS`, { host: host.slice(0, 100) });
    }
    return next();
  };
}
