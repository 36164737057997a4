import type { ProfileQuery } from '../../api/generated.ts';

/** The profile's parts, named after what the generated Profile query returns. */
export type Profile = NonNullable<ProfileQuery['profile']>;
export type Provenance = Profile['provenance'][number];
export type EntityRef = Profile['entity'];
export type Registration = NonNullable<Profile['registration']>;
export type Identity = NonNullable<Profile['identity']>;
export type Holding = Profile['holders']['nodes'][number];
export type HoldingList = Profile['holders'];
export type Officer = Profile['officers']['nodes'][number];
export type Position = Profile['positions']['nodes'][number];
export type Role = Officer['roles'][number];
export type Flag = Profile['flags']['nodes'][number];
export type FirmLink = Profile['branches']['nodes'][number];
export type Membership = Profile['venueMemberships'][number];
export type Contact = Profile['contacts'][number];
export type Change = Profile['changes']['nodes'][number];
export type PriorValue = Profile['priorValues']['nodes'][number];
export type SamePersonLink = Profile['samePersonCandidates']['nodes'][number];

/** Sources of several facts as one list, each row once (two roles of one line often come from one row). */
export function mergeProvenance(lists: readonly (readonly Provenance[])[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const list of lists) for (const p of list) if (!seen.has(p.entry)) seen.set(p.entry, p);
  return [...seen.values()];
}
