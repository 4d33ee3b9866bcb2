import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads content/i18n/zh-CN/admin.json (texts the agent itself prints: token slip, test page, readiness). */
export function loadAdminTexts(contentDir: string): (key: string, params?: Record<string, string | number>) => string {
  let table: Record<string, unknown> = {};
  try {
    table = JSON.parse(readFileSync(join(contentDir, 'i18n/zh-CN/admin.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    // Missing content shows the keys: visible, never blank.
  }
  return (key, params) => {
    let node: unknown = table;
    for (const part of key.split('.'))
      node =
        node && typeof node === 'object' && Object.hasOwn(node, part)
          ? (node as Record<string, unknown>)[part]
          : undefined;
    const text = typeof node === 'string' ? node : key;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}
