import { Hono } from 'hono';
import { z } from 'zod';
import { agencyEvidenceSchema } from '../../panel/agency/AgencyEvidence.ts';
import { groupAgencies } from '../../panel/agency/groupAgencies.ts';
import { normaliseAgencyName } from '../../panel/agency/normaliseAgencyName.ts';
import { resolveAgencyKey } from '../../panel/agency/resolveAgencyKey.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { parseInput, readJsonBody } from '../readJsonBody.ts';
import { requireAccess, requireSession } from '../requireAccess.ts';

const key = z.string().trim().min(1).max(200).refine((value) => !/\p{Cc}/u.test(value), { message: 'no control characters' });

/** A reviewer's decision on agency identities. */
const agencyDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), key, displayName: key.optional(), names: z.array(key).max(100).default([]), evidence: z.array(agencyEvidenceSchema).max(50).default([]) }),
  z.object({ action: z.literal('merge'), from: key, into: key, evidence: z.array(agencyEvidenceSchema).max(50).default([]) }),
  z.object({ action: z.literal('keep-apart'), keys: z.tuple([key, key]) }),
]);

/**
 * Agency identity: the keys the documents file under, the merges proposed with their evidence, and a reviewer's
 * decisions (kept with who and when in agencies.json).
 * - GET /api/agencies — session or token: groups (key, names, years, documents, evidence, confirmed), merge
 *   proposals (evidence, years of both keys, alternatives), unnamed documents, the confirmed identities.
 * - GET /api/agencies/resolve?name= — session or token: the key a printed name files under, with its evidence.
 * - GET /api/agencies/decisions — reviewer/admin: the audit trail, oldest first.
 * - POST /api/agencies/decisions — reviewer/admin: confirm / merge / keep-apart (409 on a merge a reviewer kept
 *   apart, or of a key into itself). After a merge or confirmation the cross-year settling runs again on the
 *   agency's documents (reports filed apart until then may be neighbouring years).
 */
export function agencyRoutes({ store, agencies, clock, service }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/agencies', async (c) => {
    requireAccess(c, 'read');
    const identities = await agencies.list();
    const sightings = (await store.listDocuments()).map((summary) => ({ documentId: summary.id, name: summary.agency, year: summary.year }));
    return c.json({ ...groupAgencies(sightings, identities), identities });
  });
  app.get('/agencies/resolve', async (c) => {
    requireAccess(c, 'read');
    const { name } = parseInput(z.object({ name: z.string().max(200) }), c.req.query());
    return c.json(resolveAgencyKey(name, await agencies.list()));
  });
  app.get('/agencies/decisions', async (c) => {
    requireSession(c, 'review');
    return c.json({ decisions: await agencies.decisions() });
  });
  app.post('/agencies/decisions', async (c) => {
    const principal = requireSession(c, 'review');
    const request = await readJsonBody(c, agencyDecisionSchema);
    const by = { by: principal.username, at: clock().toISOString() };
    switch (request.action) {
      case 'confirm': {
        const identity = await agencies.confirm({
          ...by, key: normaliseAgencyName(request.key), displayName: request.displayName ?? request.key, names: request.names, evidence: request.evidence,
        });
        await service.settleAcrossYearsOf(identity.key);
        return c.json({ identity });
      }
      case 'merge': {
        const identity = await agencies.merge({ ...by, from: normaliseAgencyName(request.from), into: normaliseAgencyName(request.into), evidence: request.evidence });
        // Reports filed apart until now may be neighbouring years: their glued runs may settle now.
        await service.settleAcrossYearsOf(identity.key);
        return c.json({ identity });
      }
      case 'keep-apart': {
        await agencies.keepApart({ ...by, keys: [normaliseAgencyName(request.keys[0]), normaliseAgencyName(request.keys[1])] });
        return c.json({ identities: await agencies.list() });
      }
    }
  });
  return app;
}
