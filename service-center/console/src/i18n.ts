import center from '../../../content/i18n/zh-CN/center.json' with { type: 'json' };
import legalAid from '../../../content/i18n/zh-CN/legalAid.json' with { type: 'json' };
import notarization from '../../../content/i18n/zh-CN/notarization.json' with { type: 'json' };

// Every text of the console comes from content/i18n/zh-CN/center.json through typed keys; labels of
// content data (matters, groups, stages) come from the kiosk's legalAid.json, looked up at run time.

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CenterKey = Leaves<typeof center>;

function lookup(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(key: CenterKey, params?: Record<string, string | number>): string {
  const text = lookup(center, key) ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    : text;
}

/** Whether a key built at run time (e.g. a per-kind label) exists in center.json. */
export function hasKey(key: string): key is CenterKey {
  return lookup(center, key) !== undefined;
}

/** A state's label for this kind (准予法律援助, 准予出具公证书); the generic one (已准予) otherwise. */
export function stateLabel(kind: string, state: string): string {
  const own = `stateByKind.${kind}.${state}`;
  return hasKey(own) ? t(own) : t(dataKey('state', state));
}

/** A label from content data (e.g. `matter.wages.label`); the id itself when content lacks it. */
export function contentLabel(path: string, fallback: string): string {
  return lookup(legalAid, path) ?? fallback;
}

/** A label of the notarization catalogue (`matter.education.label`, `material.idCard`, `relation.child`). */
export function notarizationLabel(path: string, fallback: string): string {
  return lookup(notarization, path) ?? fallback;
}

/** Runtime-checked key (states and kinds arrive as data). */
export function dataKey(prefix: 'state' | 'kind' | 'status.errors' | 'role', id: string): CenterKey {
  return `${prefix}.${id}` as CenterKey;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** "第三十一条（五）" — as the statute writes it. */
export function citationText(c: { article: number; item?: number }): string {
  const article = `第${chineseNumber(c.article)}条`;
  return c.item === undefined ? article : `${article}（${chineseNumber(c.item)}）`;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
