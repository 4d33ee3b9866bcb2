/// <reference types="vite/client" />
// Content the shell shows, bundled at build time from content/ (small JSON, validated by schemas).
import services from '../../../content/services.json' with { type: 'json' };
import guide from '../../../content/guide/guide.json' with { type: 'json' };

export interface ServiceEntry {
  id: string;
  /** kiosk-ui/src/flows/<flow>-flow.ts */
  flow: string;
  titleKey: string;
  detailKey: string;
  icon: string;
}

export interface GuideEntry {
  service: string;
  titleKey: string;
  promptKey: string;
  needs: string[];
  steps: string[];
  timeKey: string;
}

export type InstitutionKind = 'legalAidCentre' | 'notaryOffice' | 'mediationCommittee' | 'justiceOffice';

export interface Institution {
  kind: InstitutionKind;
  name: string;
  phone: string;
  hours: string;
  address?: string;
}

export interface CountyInstitutions {
  county: string;
  institutions: Institution[];
}

export const SERVICES: readonly ServiceEntry[] = services.services;

export const GUIDE: readonly GuideEntry[] = guide.entries;

const counties = import.meta.glob<CountyInstitutions>('../../../content/counties/*/institutions.json', {
  eager: true,
  import: 'default',
});

export const DEFAULT_COUNTY = 'demo';

/** The county's institutions (config `county`, default the demo county); null when none are listed. */
export function institutionsFor(county: string | undefined): CountyInstitutions | null {
  const name = county ?? DEFAULT_COUNTY;
  const entry = Object.entries(counties).find(([path]) => path.endsWith(`/counties/${name}/institutions.json`));
  return entry ? entry[1] : null;
}
