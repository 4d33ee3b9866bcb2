import type { CommandSpec } from '../../core/service.js';
import type { PrinterService, PrintPayload } from './printer-service.js';

// The printer's commands (DESIGN §5): schemas checked before queueing, `validate` renders the form
// once so an unknown form or bad fields are refused with ack invalidData (HTTP 400).

const TEXT_IMAGE = {
  type: 'object',
  properties: {
    width: { type: 'integer', minimum: 8, maximum: 576 },
    height: { type: 'integer', minimum: 8, maximum: 240 },
    data: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$', maxLength: 24_000 },
  },
  required: ['width', 'height', 'data'],
  additionalProperties: false,
} as const;

const PRINT_FORM_SCHEMA = {
  type: 'object',
  properties: {
    form: { type: 'string', minLength: 1, maxLength: 60 },
    fields: { type: 'object' },
    textImages: { type: 'object', maxProperties: 8, additionalProperties: TEXT_IMAGE },
  },
  required: ['form', 'fields'],
  additionalProperties: false,
} as const;

export function printCommandSpecs(printer: PrinterService): Record<string, CommandSpec<never>> {
  const printForm: CommandSpec<PrintPayload> = {
    schema: PRINT_FORM_SCHEMA,
    defaultTimeoutMs: 20_000,
    maxTimeoutMs: 60_000,
    // Paper out is answered with the kept receipt (commandErrorCode), not deviceNotReady.
    anyState: true,
    validate: (p) => printer.forms.check(p.form, p.fields, printer.renderContext(p.textImages)),
    run: (p, ctx) => printer.printForm(p, ctx.signal),
  };
  const reprint: CommandSpec<{ jobId: string }> = {
    schema: {
      type: 'object',
      properties: { jobId: { type: 'string', minLength: 1, maxLength: 64 } },
      required: ['jobId'],
      additionalProperties: false,
    },
    defaultTimeoutMs: 20_000,
    maxTimeoutMs: 60_000,
    anyState: true,
    validate: (p) => (printer.hasHeldJob(p.jobId) ? null : `no kept receipt with jobId ${p.jobId}`),
    run: (p, ctx) => printer.reprint(p.jobId, ctx.signal),
  };
  const printRaw: CommandSpec<{ data: string }> = {
    schema: {
      type: 'object',
      properties: { data: { type: 'string', minLength: 4, maxLength: 1_400_000, pattern: '^[A-Za-z0-9+/]*={0,2}$' } },
      required: ['data'],
      additionalProperties: false,
    },
    defaultTimeoutMs: 20_000,
    maxTimeoutMs: 60_000,
    adminOnly: true,
    anyState: true,
    run: (p, ctx) => printer.printRaw(new Uint8Array(Buffer.from(p.data, 'base64')), ctx.signal),
  };
  return {
    printForm: printForm,
    reprint: reprint,
    printRaw: printRaw,
  };
}
