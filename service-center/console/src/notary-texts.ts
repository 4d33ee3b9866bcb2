import texts from '../../../content/i18n/zh-CN/centerNotary.json' with { type: 'json' };

// The notary interview desk's texts (issue 12), typed keys into content/i18n/zh-CN/centerNotary.json.

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type NotaryKey = Leaves<typeof texts>;

export function tn(key: NotaryKey, params?: Record<string, string | number>): string {
  let node: unknown = texts;
  for (const part of key.split('.'))
    node =
      node && typeof node === 'object' && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  const text = typeof node === 'string' ? node : key;
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
    : text;
}

/** An instant in China time: 12月9日 09:30. */
export function chinaSlotTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
