/// <reference types="vite/client" />
// The county's villages (content/counties/<county>/villages.json), bundled at build time.

export interface Village {
  id: string;
  name: string;
  township: string;
  /** How many 村民小组 (0: the group is not asked). */
  groups: number;
}

interface CountyVillages {
  county: string;
  villages: Village[];
}

const files = import.meta.glob<CountyVillages>('../../../content/counties/*/villages.json', {
  eager: true,
  import: 'default',
});

const byCounty = new Map(Object.entries(files).map(([path, v]) => [path.split('/').at(-2) ?? '', v.villages] as const));

/** The villages of the configured county (default the demo county); empty when none are listed. */
export function villagesFor(county: string | undefined): readonly Village[] {
  return byCounty.get(county ?? 'demo') ?? byCounty.get('demo') ?? [];
}

export function villageById(villages: readonly Village[], id: string | null): Village | undefined {
  return id ? villages.find((v) => v.id === id) : undefined;
}
