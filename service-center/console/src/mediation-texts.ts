import texts from '../../../content/i18n/zh-CN/centerMediation.json' with { type: 'json' };
import mediation from '../../../content/i18n/zh-CN/mediation.json' with { type: 'json' };

// The mediation desk's texts (issue 16 item 2), typed keys into content/i18n/zh-CN/centerMediation.json;
// the dispute kinds' labels are the kiosk's own (content/i18n/zh-CN/mediation.json `kind`).

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MediationKey = Leaves<typeof texts>;

function lookup(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  for (const part of path.split('.'))
    node =
      node && typeof node === 'object' && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  return typeof node === 'string' ? node : undefined;
}

export function tm(key: MediationKey, params?: Record<string, string | number>): string {
  const text = lookup(texts, key) ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
    : text;
}

/** The kiosk's label of a dispute kind (土地、宅基地 …); the id itself for an unknown one. */
export function disputeKindLabel(kind: string): string {
  return lookup(mediation, `kind.${kind}`) ?? kind;
}
