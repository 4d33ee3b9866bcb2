// The notarization catalogue (content/notarization/) as typed data and pure look-ups (no DOM, no I/O).
import catalogueJson from '../../../content/notarization/catalogue.json' with { type: 'json' };
import demoCountyJson from '../../../content/notarization/counties/demo.json' with { type: 'json' };

export interface LawBasis {
  law: '公证法' | '公证程序规则';
  article: number;
  note?: string;
}

export interface MaterialSpec {
  id: string;
  status: 'confirmed' | 'inferred';
  source: string;
  optional?: boolean;
}

export type InsteadWay = 'office' | 'homeVisit' | 'hotline';

export interface NotarizationMatter {
  id: string;
  group: string;
  article11: { item: number; term: string; note?: string };
  remote: boolean;
  inPersonOnly: boolean;
  inPersonBasis?: LawBasis;
  instead?: InsteadWay[];
  purposeRequired: boolean;
  countryRequired: boolean;
  fee: 'perPiece' | 'byOffice';
  materials: MaterialSpec[];
  example?: { workingDays?: string; fee?: string; source: string };
}

export interface NotarizationCatalogue {
  version: string;
  defaults: { workingDays: number; workingDaysBasis: LawBasis; feeReduction: LawBasis; proxyBasis: LawBasis };
  groups: { id: string; icon: string }[];
  abroad: { translationRequired: boolean; legalisation: LawBasis; sources: string[] };
  matters: NotarizationMatter[];
}

export interface NotaryCounty {
  countyId: string;
  office: string;
  officePhone: string;
  progressUrl: string;
  workingDays: number;
  matterWorkingDays: Record<string, number>;
  notAtTerminal: string[];
  slotsPublished: boolean;
}

export const NOTARIZATION_CATALOGUE = catalogueJson as NotarizationCatalogue;
const COUNTIES: Record<string, NotaryCounty> = { demo: demoCountyJson };

export function notaryCountyFor(countyId: string | undefined): NotaryCounty {
  return COUNTIES[countyId ?? 'demo'] ?? demoCountyJson;
}

/** The matter with its county's view: a matter the office does not take remotely is not taken here. */
export function matterFor(
  catalogue: NotarizationCatalogue,
  county: NotaryCounty,
  id: string,
): NotarizationMatter | undefined {
  const m = catalogue.matters.find((x) => x.id === id);
  if (!m) return undefined;
  if (m.remote && county.notAtTerminal.includes(id)) return { ...m, remote: false, instead: ['office', 'hotline'] };
  return m;
}

export function mattersOf(catalogue: NotarizationCatalogue, county: NotaryCounty, group: string): NotarizationMatter[] {
  return catalogue.matters
    .filter((m) => m.group === group)
    .map((m) => matterFor(catalogue, county, m.id))
    .filter((m): m is NotarizationMatter => Boolean(m));
}

/** 公证法 Art 26: an agent may apply, except for the matters that must be done in person. */
export function proxyAllowed(matter: Pick<NotarizationMatter, 'inPersonOnly'>): boolean {
  return !matter.inPersonOnly;
}

/** Working days the office has to issue the certificate (Art 30, default 15; an office may be faster). */
export function workingDaysFor(catalogue: NotarizationCatalogue, county: NotaryCounty, matterId: string): number {
  return Math.min(catalogue.defaults.workingDays, county.matterWorkingDays[matterId] ?? county.workingDays);
}

/**
 * Materials to photograph: the matter's list, less the applicant's own ID card when the reader read it,
 * plus the principal's ID and the letter of authorisation when a family member applies.
 */
export function materialsToPhotograph(
  matter: NotarizationMatter,
  opts: { cardRead: boolean; proxy: boolean },
): string[] {
  const ids = matter.materials.map((m) => m.id).filter((id) => !(id === 'idCard' && opts.cardRead && !opts.proxy));
  return opts.proxy ? ['principalId', 'authorisation', ...ids.filter((id) => id !== 'idCard')] : ids;
}
