// People's mediation content (content/mediation/) as typed data and the jurisdiction rule as a pure
// function (no DOM, no I/O): the committee of the village where the parties live; a dispute across
// villages, or a kind routed to the township, goes to the township committee (legal-content.md §5).
import kindsJson from '../../../content/mediation/kinds.json' with { type: 'json' };
import demoCountyJson from '../../../content/mediation/counties/demo.json' with { type: 'json' };
import demoVillagesJson from '../../../content/counties/demo/villages.json' with { type: 'json' };

export const DISPUTE_KINDS = ['land', 'neighbour', 'family', 'loan', 'damages', 'labour', 'other'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export type CommitteeLevel = 'village' | 'township';

export interface DisputeKindSpec {
  id: DisputeKind;
  icon: string;
  route: CommitteeLevel;
  requests: string[];
  descriptions: string[];
}

export interface MediationKinds {
  maxRequests: number;
  kinds: DisputeKindSpec[];
}

/** A village of the county (content/counties/<county>/villages.json). */
export interface Village {
  id: string;
  name: string;
  /** The township's name. */
  township: string;
}

export interface Committee {
  id: string;
  name: string;
  level: CommitteeLevel;
  /** Township committees: the township they serve. */
  township?: string;
  covers: string[];
  phone: string;
  address?: string;
}

/** content/mediation/counties/<county>.json. */
export interface MediationCountyFile {
  countyId: string;
  county: string;
  progressUrl: string;
  committees: Committee[];
  defaultCommittee: string;
}

/** The committees with the county's villages. */
export interface MediationCounty extends MediationCountyFile {
  villages: Village[];
}

/** Joins a county's committees with its villages (content/counties/<county>/villages.json). */
export function mediationCounty(file: MediationCountyFile, villages: { villages: Village[] }): MediationCounty {
  return { ...file, villages: villages.villages.map(({ id, name, township }) => ({ id, name, township })) };
}

export const MEDIATION_KINDS = kindsJson as MediationKinds;
const DEMO = mediationCounty(demoCountyJson as MediationCountyFile, demoVillagesJson);
const COUNTIES: Record<string, MediationCounty> = { demo: DEMO };

export function mediationCountyFor(countyId: string | undefined): MediationCounty {
  const id = countyId ?? 'demo';
  return (Object.hasOwn(COUNTIES, id) ? COUNTIES[id] : undefined) ?? DEMO;
}

export function kindSpec(kinds: MediationKinds, id: string): DisputeKindSpec | undefined {
  return kinds.kinds.find((k) => k.id === id);
}

export function isDisputeKind(id: string): id is DisputeKind {
  return (DISPUTE_KINDS as readonly string[]).includes(id);
}

export function villageName(county: MediationCounty, id: string | null): string | undefined {
  return id ? county.villages.find((v) => v.id === id)?.name : undefined;
}

export function committeeById(county: MediationCounty, id: string): Committee | undefined {
  return county.committees.find((c) => c.id === id);
}

/** Where the parties live: her village (required) and the other party's when she knows it. */
export interface JurisdictionInput {
  kind: DisputeKind;
  /** A village id of this county, or null when she lives elsewhere. */
  applicantVillage: string | null;
  /** A village id of this county, or null when unknown or elsewhere. */
  otherVillage: string | null;
}

function townshipCommittee(county: MediationCounty, villageId: string): Committee | undefined {
  const village = county.villages.find((v) => v.id === villageId);
  const township = county.committees.filter((c) => c.level === 'township');
  return (
    township.find((c) => village !== undefined && c.township === village.township) ??
    township.find((c) => c.covers.includes(villageId))
  );
}

/**
 * The committee an application goes to. One known village and a village-level kind: that village's
 * committee, or its township's when the village has none. Two different villages, or a kind routed
 * to the township: the township committee of her village (which covers both when they share one).
 * No known village: the county's default committee.
 */
export function committeeFor(county: MediationCounty, kinds: MediationKinds, input: JurisdictionInput): Committee {
  const fallback = committeeById(county, county.defaultCommittee) ?? county.committees[0];
  if (!fallback) throw new Error(`county ${county.countyId} has no mediation committee`);
  const known = [input.applicantVillage, input.otherVillage].filter(
    (v): v is string => v !== null && county.villages.some((x) => x.id === v),
  );
  const home = known[0];
  if (!home) return fallback;
  const route = kindSpec(kinds, input.kind)?.route ?? 'village';
  const across = new Set(known).size > 1;
  if (route === 'village' && !across) {
    const own = county.committees.find((c) => c.level === 'village' && c.covers.includes(home));
    if (own) return own;
  }
  if (across) {
    const both = county.committees.find((c) => c.level === 'township' && known.every((v) => c.covers.includes(v)));
    if (both) return both;
  }
  return townshipCommittee(county, home) ?? fallback;
}
