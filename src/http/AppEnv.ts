import type { Config } from '../config/loadConfig.ts';
import type { AuditedAgencyIdentityStore } from '../panel/agency/AuditedAgencyIdentityStore.ts';
import type { ReviewService } from '../review/ReviewService.ts';
import type { Store } from '../store/Store.ts';
import type { Role } from '../store/storeSchemas.ts';

/** Who is calling: a logged-in account, a script with an API token, or nobody. */
export type Principal =
  | { readonly kind: 'session'; readonly username: string; readonly role: Role; readonly csrfToken: string; readonly sessionHash: string }
  | { readonly kind: 'token'; readonly username: string; readonly tokenId: string }
  | { readonly kind: 'anonymous' };

/** What every route handler can reach. */
export interface AppDependencies {
  readonly store: Store;
  readonly service: ReviewService;
  readonly config: Config;
  readonly clock: () => Date;
  readonly log: (line: string) => void;
  /** The reviewers' agency identities (confirm / merge, with their audit trail). */
  readonly agencies: AuditedAgencyIdentityStore;
}

/** Hono environment of the app: the resolved principal per request. */
export interface AppEnv {
  Variables: {
    principal: Principal;
  };
}
