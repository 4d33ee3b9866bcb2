// Turns the configuration's JSON Schema into form fields (HA ha-form style, but from the schema):
// objects become groups, `oneOf` with a `transport` discriminator becomes a choice plus the
// chosen branch's fields, enums become selects. Pure: no DOM.

import type { ConfigSchema } from '@kiosk/contract/admin-api';

/** The configuration schema as the agent sends it (`@kiosk/contract/admin-api`). */
export type JsonSchema = ConfigSchema;

export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'select' | 'readonly';

export interface Field {
  kind: FieldKind;
  /** JSON path, e.g. /devices/printer/paperWidthMm. */
  path: string;
  label: string;
  required: boolean;
  options?: readonly unknown[];
  /** The words for each option, same order (a transport's branch label, an enum's `x-enumLabels`). */
  optionLabels?: readonly string[];
  needsRestart: boolean;
}

export interface Group {
  kind: 'group';
  path: string;
  label: string;
  needsRestart: boolean;
  /** Set when the group is a oneOf: the discriminator field comes first. */
  discriminator?: string;
  children: Array<Field | Group>;
}

export function getAt(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('/').slice(1))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** Returns a copy of `value` with `path` set (undefined deletes the key). */
export function setAt(value: unknown, path: string, next: unknown): unknown {
  const keys = path.split('/').slice(1);
  const root: Record<string, unknown> = structuredClone((value ?? {}) as Record<string, unknown>);
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (next === undefined) delete node[last];
  else node[last] = next;
  return root;
}

const isRestart = (path: string, restartPaths: string[]): boolean =>
  restartPaths.some((r) => path === r || path.startsWith(`${r}/`));

/** The oneOf branch matching the value's discriminator (first branch when none matches). */
function branchOf(schema: JsonSchema, value: unknown, prop: string): JsonSchema {
  const chosen = (value as Record<string, unknown> | undefined)?.[prop];
  return schema.oneOf!.find((b) => b.properties?.[prop]?.const === chosen) ?? schema.oneOf![0];
}

/** Builds the form tree for `schema` at `path`, following the current value through oneOf. */
export function buildFields(
  schema: JsonSchema,
  value: unknown,
  restartPaths: string[],
  path = '',
  key = '',
): Field | Group {
  const label = schema['x-label'] ?? key;
  const needsRestart = isRestart(path, restartPaths);
  if (schema.oneOf && schema.discriminator) {
    const prop = schema.discriminator.propertyName;
    const branch = branchOf(schema, getAt(value, path), prop);
    const choice: Field = {
      kind: 'select',
      path: `${path}/${prop}`,
      label: branch.properties?.[prop]?.['x-label'] ?? prop,
      required: true,
      options: schema.oneOf.map((b) => b.properties?.[prop]?.const),
      optionLabels: schema.oneOf.map((b) => b['x-label'] ?? String(b.properties?.[prop]?.const)),
      needsRestart,
    };
    const rest = Object.entries(branch.properties ?? {})
      .filter(([k]) => k !== prop)
      .map(([k, s]) => withRequired(buildFields(s, value, restartPaths, `${path}/${k}`, k), branch.required, k));
    return { kind: 'group', path, label, needsRestart, discriminator: prop, children: [choice, ...rest] };
  }
  if (schema.type === 'object' || schema.properties) {
    const children = Object.entries(schema.properties ?? {})
      .filter(([k]) => k !== '$schema')
      .map(([k, s]) => withRequired(buildFields(s, value, restartPaths, `${path}/${k}`, k), schema.required, k));
    return { kind: 'group', path, label, needsRestart, children };
  }
  const base = { path, label, required: false, needsRestart };
  if (schema.const !== undefined) return { ...base, kind: 'readonly' };
  if (schema.enum)
    return {
      ...base,
      kind: 'select',
      options: schema.enum,
      ...(schema['x-enumLabels'] ? { optionLabels: schema['x-enumLabels'] } : {}),
    };
  if (schema.type === 'boolean') return { ...base, kind: 'boolean' };
  if (schema.type === 'integer') return { ...base, kind: 'integer' };
  if (schema.type === 'number') return { ...base, kind: 'number' };
  return { ...base, kind: 'text' };
}

function withRequired(node: Field | Group, required: readonly string[] | undefined, key: string): Field | Group {
  return node.kind === 'group' ? node : { ...node, required: required?.includes(key) ?? false };
}

/** When the transport changes, keep only what the new branch allows (plus its constant). */
export function switchBranch(
  schema: JsonSchema,
  current: unknown,
  prop: string,
  chosen: unknown,
): Record<string, unknown> {
  const branch = schema.oneOf?.find((b) => b.properties?.[prop]?.const === chosen);
  const out: Record<string, unknown> = { [prop]: chosen };
  for (const key of Object.keys(branch?.properties ?? {})) {
    const old = (current as Record<string, unknown> | undefined)?.[key];
    if (key !== prop && old !== undefined) out[key] = old;
  }
  return out;
}

/** Finds the schema node at a JSON path (through oneOf, by the value's discriminator). */
export function schemaAt(schema: JsonSchema, value: unknown, path: string): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  let walked = '';
  for (const key of path.split('/').slice(1)) {
    if (node?.oneOf && node.discriminator) node = branchOf(node, getAt(value, walked), node.discriminator.propertyName);
    node = node?.properties?.[key];
    walked += `/${key}`;
  }
  return node;
}
