import type { RegionsData } from '../seed/reference-data';
import previousRegions from './fixtures/regions.previous.json';

/**
 * regions.json as the previous release shipped it (commit 2566852: the 220 regions seed 004 names, no other
 * prefecture): the data a database made by that release holds, for tests of reference-data upgrades (issue #9).
 */
export const PREVIOUS_REGIONS_DATA = previousRegions as unknown as RegionsData;
