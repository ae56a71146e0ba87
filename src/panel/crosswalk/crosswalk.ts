import crosswalkData from './crosswalk.json' with { type: 'json' };
import type { Crosswalk } from './crosswalkSchema.ts';
import { parseCrosswalk } from './parseCrosswalk.ts';

/** The project's crosswalk (crosswalk.json, the one reviewed file), validated when first imported. */
export const crosswalk: Crosswalk = parseCrosswalk(crosswalkData);
