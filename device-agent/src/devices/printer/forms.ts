import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { createValidator, describeErrors, type Validator } from '@kiosk/node-common/validator';
import { bitmapFromPbm, type MonoBitmap } from './bitmap.js';
import { renderForm, type RenderContext, type RenderedForm } from './form-render.js';
import type { FormDefinition } from './form-types.js';

// The print forms of content/forms/*.json. A form is data: its field schema and its layout. The
// catalogue checks each definition at load and each request before it is queued.

/**
 * One compiled schema per file. The `$id` is dropped: ajv refuses a second schema with the same
 * id (another content dir in tests, a reload) and the form schema's refs are all local.
 */
const schemas = new Map<string, object>();
function formSchema(path: string): object {
  let schema = schemas.get(path);
  if (!schema) {
    const { $id: _id, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    schema = rest;
    schemas.set(path, schema);
  }
  return schema;
}

export class FormCatalog {
  private constructor(
    private readonly _forms: Map<string, FormDefinition>,
    private readonly _dir: string,
    /** Files that failed to load, with the reason (for the log and the admin page). */
    readonly problems: string[],
    private readonly _validator: Validator,
  ) {}

  /** Loads every form of `<contentDir>/forms`; a broken file is reported, not fatal. */
  static load(contentDir: string, validator: Validator = createValidator()): FormCatalog {
    const dir = join(contentDir, 'forms');
    const schema = formSchema(join(contentDir, 'schemas', 'form.schema.json'));
    const forms = new Map<string, FormDefinition>();
    const problems: string[] = [];
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch (err) {
      problems.push(`${dir}: ${(err as Error).message}`);
    }
    for (const file of files) {
      try {
        const def = JSON.parse(readFileSync(join(dir, file), 'utf8')) as FormDefinition;
        const errors = validator.validate(schema, def);
        if (errors.length) throw new Error(describeErrors(errors));
        if (`${def.id}.json` !== file) throw new Error(`id "${def.id}" does not match the file name`);
        validator.validate(def.fields, {});
        forms.set(def.id, def);
      } catch (err) {
        problems.push(`forms/${file}: ${(err as Error).message}`);
      }
    }
    return new FormCatalog(forms, dir, problems, validator);
  }

  get ids(): string[] {
    return [...this._forms.keys()];
  }

  get(id: string): FormDefinition | undefined {
    return this._forms.get(id);
  }

  /** Null when the request can print; otherwise what is wrong (English, for the ack). */
  check(id: string, fields: Record<string, unknown>, ctx: RenderContext): string | null {
    const form = this._forms.get(id);
    if (!form) return `unknown form "${id}" (have: ${this.ids.join(', ')})`;
    const errors = this._validator.validate(form.fields, fields);
    if (errors.length) return `fields of form "${id}": ${describeErrors(errors)}`;
    try {
      this.render(id, fields, ctx);
      return null;
    } catch (err) {
      return `form "${id}": ${(err as Error).message}`;
    }
  }

  /** The job bytes; call only after check(). */
  render(id: string, fields: Record<string, unknown>, ctx: RenderContext): RenderedForm {
    const form = this._forms.get(id);
    if (!form) throw new Error(`unknown form "${id}"`);
    return renderForm(form, fields, { ...ctx, loadImage: ctx.loadImage ?? ((src) => this._loadImage(src)) });
  }

  private _loadImage(src: string): MonoBitmap {
    const path = resolve(this._dir, src);
    if (!path.startsWith(this._dir + sep)) throw new Error(`image path escapes content/forms: ${src}`);
    return bitmapFromPbm(readFileSync(path));
  }
}
