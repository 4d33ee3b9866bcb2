import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidator } from '@kiosk/node-common/validator';

const { validate } = createValidator();

const CONTENT = join(import.meta.dirname, '../../content');

interface CatalogEntry {
  files: string;
  schema: string;
}

function allJsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return allJsonFiles(p);
    return name.endsWith('.json') ? [relative(CONTENT, p)] : [];
  });
}

/** Glob with `*` (one path segment) and `**` (any depth). */
function matches(glob: string, path: string): boolean {
  const pattern = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(path);
}

const catalog = JSON.parse(readFileSync(join(CONTENT, 'schemas/catalog.json'), 'utf8')) as { entries: CatalogEntry[] };
const dataFiles = allJsonFiles(CONTENT).filter((f) => !f.startsWith('schemas/'));

describe('content/', () => {
  it('every data file is covered by a schema in content/schemas/catalog.json', () => {
    const uncovered = dataFiles.filter((f) => !catalog.entries.some((e) => matches(e.files, f)));
    expect(uncovered).toEqual([]);
  });

  for (const entry of catalog.entries) {
    const files = dataFiles.filter((f) => matches(entry.files, f));
    it(`${entry.files} validates against ${entry.schema} (${files.length} files)`, () => {
      const schema = JSON.parse(readFileSync(join(CONTENT, 'schemas', entry.schema), 'utf8')) as object;
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const errors = validate(schema, JSON.parse(readFileSync(join(CONTENT, file), 'utf8')));
        expect({ file, errors }).toEqual({ file, errors: [] });
      }
    });
  }

  it('a content file that breaks its schema is reported with its path', () => {
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
    expect(validate(schema, { title: 3 })).toEqual([{ path: '/title', message: 'must be string' }]);
  });
});
