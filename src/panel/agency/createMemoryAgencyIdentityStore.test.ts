import { describe } from 'vitest';
import { agencyIdentityStoreContract } from '../../../test/support/agencyIdentityStoreContract.ts';
import { createMemoryAgencyIdentityStore } from './createMemoryAgencyIdentityStore.ts';

describe('createMemoryAgencyIdentityStore', () => {
  agencyIdentityStoreContract(() => createMemoryAgencyIdentityStore());
});
