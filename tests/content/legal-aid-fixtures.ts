import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CountyRules, EligibilityAnswers, LegalAidRules } from '../../kiosk-ui/src/eligibility/index.js';

export const CONTENT = join(import.meta.dirname, '../../content');

export function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(join(CONTENT, rel), 'utf8'));
}

export const rules = readJson('legal-aid/rules.json') as LegalAidRules;
export const demo = readJson('legal-aid/counties/demo.json') as CountyRules;

export function answers(patch: Partial<EligibilityAnswers> = {}): EligibilityAnswers {
  return {
    matterId: 'trafficAccident',
    circumstances: [],
    exemptGroupId: null,
    deadlineSoon: false,
    preservationNeeded: false,
    stage: 'notStarted',
    ...patch,
  };
}
