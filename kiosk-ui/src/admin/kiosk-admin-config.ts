import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminErrorBody, ConfigDocument, ConfigSaveAnswer } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';
import { AdminApiError } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import { buildFields, getAt, schemaAt, setAt, switchBranch, type Field, type Group } from './schema-form.js';

/** A leaf value as input text (objects never reach a leaf field; shown as JSON if they do). */
const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : value === undefined || value === null
      ? ''
      : JSON.stringify(value);

/**
 * The configuration form, generated from the schema; errors inline by JSON path; fields that
 * only take effect after a restart are marked.
 * @summary Configuration form.
 */
@customElement('kiosk-admin-config')
export class KioskAdminConfig extends LitElement {
  static override styles = adminStyles;

  @state() private _doc: ConfigDocument | null = null;
  @state() private _draft: unknown = null;
  @state() private _errors: Array<{ path: string; message: string }> = [];
  @state() private _message = '';
  @state() private _restartRequired: string[] = [];
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._doc = await this.api.get<ConfigDocument>('/config', { userAction: true });
      this._draft = this._doc.config ?? {};
      this._restartRequired = this._doc.pendingRestart;
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private async _save(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    this._errors = [];
    this._message = '';
    try {
      const result = await this.api.put<ConfigSaveAnswer>('/config', this._draft);
      this._message = t('admin.config.saved');
      this._restartRequired = result.pendingRestart;
    } catch (err) {
      if (err instanceof AdminApiError && err.code === 'invalidConfig') {
        this._errors = (err.body as AdminErrorBody).errors ?? [];
        this._message = t('admin.config.invalid', { count: this._errors.length });
      } else this._message = errorText(err);
    }
  }

  private async _restart(): Promise<void> {
    try {
      await this.api.post('/restart');
      this._message = t('admin.config.restarting');
      setTimeout(() => location.reload(), 5000);
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private _set(path: string, value: unknown): void {
    this._draft = setAt(this._draft, path, value);
  }

  private _onInput(field: Field, target: HTMLInputElement | HTMLSelectElement): void {
    const raw = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    let value: unknown = raw;
    if (field.kind === 'integer' || field.kind === 'number')
      value = raw === '' ? undefined : Number.isNaN(Number(raw)) ? raw : Number(raw);
    else if (field.kind === 'select') value = field.options?.find((o) => String(o) === raw) ?? raw;
    else if (field.kind === 'text' && raw === '' && !field.required) value = undefined;
    const group = field.path.slice(0, field.path.lastIndexOf('/'));
    const schema = this._doc && schemaAt(this._doc.schema, this._draft, group);
    const prop = field.path.slice(group.length + 1);
    if (schema?.oneOf && schema.discriminator?.propertyName === prop)
      this._set(group, switchBranch(schema, getAt(this._draft, group), prop, value));
    else this._set(field.path, value);
  }

  private _errorsAt(path: string) {
    const mine = this._errors.filter((e) => e.path === path);
    return mine.map((e) => html`<span class="error" role="alert">${e.message}</span>`);
  }

  private _field(field: Field): TemplateResult {
    const value = getAt(this._draft, field.path);
    const restart = field.needsRestart
      ? html` <span class="muted">（${t('admin.config.needsRestart')}）</span>`
      : nothing;
    const id = `f${field.path.replace(/\W/g, '_')}`;
    const invalid = this._errors.some((e) => e.path === field.path);
    let control: TemplateResult;
    switch (field.kind) {
      case 'readonly':
        control = html`<output id=${id}>${shown(value)}</output>`;
        break;
      case 'boolean':
        control = html`<input
          id=${id}
          type="checkbox"
          .checked=${value === true}
          @change=${(e: Event) => this._onInput(field, e.target as HTMLInputElement)}
        />`;
        break;
      case 'select':
        control = html`<select
          id=${id}
          aria-invalid=${invalid}
          @change=${(e: Event) => this._onInput(field, e.target as HTMLSelectElement)}
        >
          ${value === undefined ? html`<option value="" selected>${t('admin.config.notSet')}</option>` : nothing}
          ${field.options?.map(
            (o, i) =>
              html`<option value=${String(o)} ?selected=${o === value}>
                ${field.optionLabels?.[i] ?? String(o)}
              </option>`,
          )}
        </select>`;
        break;
      default:
        control = html`<input
          id=${id}
          type=${field.kind === 'text' ? 'text' : 'number'}
          aria-invalid=${invalid}
          .value=${shown(value)}
          @change=${(e: Event) => this._onInput(field, e.target as HTMLInputElement)}
        />`;
    }
    return html`<div class="field">
      <label for=${id}>${field.label}${field.required ? ' *' : ''}${restart}</label
      >${control}${this._errorsAt(field.path)}
    </div>`;
  }

  private _node(node: Field | Group, depth: number): TemplateResult {
    if (node.kind !== 'group') return this._field(node);
    const restart = node.needsRestart
      ? html` <span class="muted">（${t('admin.config.needsRestart')}）</span>`
      : nothing;
    const body = html`${this._errorsAt(node.path)}${node.children.map((c) => this._node(c, depth + 1))}`;
    if (depth === 0) return body;
    return html`<fieldset class="card">
      <legend>${node.label}${restart}</legend>
      ${body}
    </fieldset>`;
  }

  override render() {
    const doc = this._doc;
    if (!doc)
      return html`<section>
        <h1>${t('admin.config.title')}</h1>
        <p>${this._message || t('admin.common.working')}</p>
      </section>`;
    const tree = buildFields(doc.schema, this._draft, doc.restartRequiredPaths);
    return html`<section>
      <h1>${t('admin.config.title')}</h1>
      <p class="muted">${t('admin.config.file', { path: doc.path })}</p>
      ${
        doc.errors.length
          ? html`<div class="card fault">
              <p class="action">${t('admin.config.fileErrors')}</p>
              <ul>
                ${doc.errors.map((e) => html`<li><code>${e.path}</code> ${e.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <form @submit=${(e: SubmitEvent) => this._save(e)} novalidate>
        <section>
          ${this._node(tree, 0)}
          ${
            this._errors.length
              ? html`<ul class="error">
                  ${this._errors.map((e) => html`<li><code>${e.path}</code> ${e.message}</li>`)}
                </ul>`
              : nothing
          }
          <p role="status" class=${this._errors.length ? 'error' : 'success'}>${this._message}</p>
          <div class="row">
            <button class="primary" type="submit">${t('admin.config.save')}</button>
            ${this._restartRequired.length ? html`<button class="secondary" type="button" @click=${() => this._restart()}>${t('admin.config.restartNow')}</button>` : nothing}
          </div>
          ${this._restartRequired.length ? html`<p class="muted">${t('admin.config.pending', { paths: this._restartRequired.join(', ') })}</p>` : nothing}
        </section>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-config': KioskAdminConfig;
  }
}
