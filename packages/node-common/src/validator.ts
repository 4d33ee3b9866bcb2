import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

export interface SchemaError {
  path: string;
  message: string;
}

export interface Validator {
  /** Validates `value` against a JSON Schema; returns every error with its JSON path. */
  validate: (schema: object, value: unknown) => SchemaError[];
}

export function formatErrors(errors: ErrorObject[] | null | undefined): SchemaError[] {
  return (errors ?? []).map((e) => {
    let path = e.instancePath || '/';
    if (e.keyword === 'required') path = `${e.instancePath}/${String(e.params['missingProperty'])}`;
    if (e.keyword === 'additionalProperties') path = `${e.instancePath}/${String(e.params['additionalProperty'])}`;
    return { path, message: e.message ?? e.keyword };
  });
}

export const describeErrors = (errors: SchemaError[]): string =>
  errors.map((e) => `${e.path}: ${e.message}`).join('; ');

/**
 * One Ajv instance with its compiled schemas. Each agent or centre creates its own, so two
 * instances in one process never share registered `$id`s.
 */
export function createValidator(): Validator {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    discriminator: true,
    useDefaults: false,
  });
  ajv.addKeyword('x-requiresRestart');
  ajv.addKeyword('x-label');
  ajv.addKeyword('x-enumLabels');
  ajv.addKeyword('x-help');
  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    validate: (schema, value) => {
      let fn = compiled.get(schema);
      if (!fn) {
        // A schema re-read from disk is a new object with the same $id: replace the registered one.
        const id = (schema as { $id?: unknown }).$id;
        if (typeof id === 'string' && ajv.getSchema(id)) ajv.removeSchema(id);
        fn = ajv.compile(schema);
        compiled.set(schema, fn);
      }
      return fn(value) ? [] : formatErrors(fn.errors);
    },
  };
}
