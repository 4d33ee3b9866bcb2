/** RFC 7396 JSON merge patch: objects merge, `null` deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    // Own keys only: `__proto__` from a JSON body is a plain key here, never the prototype.
    if (value === null) delete out[key];
    else
      Object.defineProperty(out, key, {
        value: mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

/** JSON paths (`/a/b`) of the leaves that differ between two values. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
    return [...keys].flatMap((k) => changedPaths(own(before, k), own(after, k), `${prefix}/${escape(k)}`));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix || '/'];
}

/** The changed paths that fall under one of the restart-required prefixes. */
export function needingRestart(changed: string[], restartPaths: string[]): string[] {
  return changed.filter((p) => restartPaths.some((r) => p === r || p.startsWith(`${r}/`)));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
