import texts from '../../../content/i18n/zh-CN/centerHomeVisit.json' with { type: 'json' };
import homeVisit from '../../../content/i18n/zh-CN/homeVisit.json' with { type: 'json' };

// The 上门服务 list and the 满意度 table's texts (issue 16 items 3, 4): typed keys into
// content/i18n/zh-CN/centerHomeVisit.json; age groups, disability and services use the kiosk's own
// words (content/i18n/zh-CN/homeVisit.json), so staff read what the relative chose.

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type HomeVisitTextKey = Leaves<typeof texts>;

function lookup(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  for (const part of path.split('.'))
    node =
      node && typeof node === 'object' && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function th(key: HomeVisitTextKey, params?: Record<string, string | number>): string {
  const text = lookup(texts, key) ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
    : text;
}

/** A label built from data (`state.calledBack`, `satisfaction.services.homeVisit`); the id itself when unknown. */
export function thData(path: string, fallback: string): string {
  return lookup(texts, path) ?? fallback;
}

/** The kiosk's word for an answer (`age.80plus`, `disability.yes`, `services.legalAid`); the id when unknown. */
export function kioskWord(path: string, fallback: string): string {
  return lookup(homeVisit, path) ?? fallback;
}

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A booking's answers as the staff read them, every field text (never HTML). */
export interface HomeVisitLines {
  person: string;
  ageGroup: string;
  disability: string;
  service: string;
  mode: string;
  address: string;
  phone: string;
  days: string;
  source: string;
  consentAt: string;
}

export function homeVisitLines(data: Record<string, unknown>): HomeVisitLines {
  const person = obj(data['person']);
  const address = obj(data['address']);
  const days = Array.isArray(data['preferredDays'])
    ? data['preferredDays'].filter((d): d is string => typeof d === 'string')
    : [];
  const age = str(person['ageGroup']);
  const disability = str(person['disability']);
  const service = str(data['service']);
  const mode = str(data['mode']);
  const source = str(data['source']);
  return {
    person: str(person['name']),
    ageGroup: age ? kioskWord(`age.${age}`, age) : '',
    disability: disability ? kioskWord(`disability.${disability}`, disability) : '',
    service: service ? kioskWord(`services.${service}`, service) : '',
    mode: mode ? thData(`mode.${mode}`, mode) : '',
    address: [str(address['township']), str(address['village']), str(address['group'])].filter(Boolean).join(' '),
    phone: str(data['phone']),
    days: days.map((d) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`).join('、'),
    source: source ? thData(`source.${source}`, source) : '',
    consentAt: str(obj(data['consent'])['at']),
  };
}
