import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * Form-associated base for the kiosk's inputs (style R10): `name`, `value`, `defaultValue`,
 * `disabled`, `required` and reset behave as on <input>; validity goes through ElementInternals.
 * Subclasses implement `_validate()` returning a message key or null.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;

  protected readonly _internals: ElementInternals = this.attachInternals();

  @property({ reflect: true }) name = '';
  @property() value = '';
  @property({ attribute: 'default-value' }) defaultValue = '';
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ type: Boolean, reflect: true }) required = false;
  /** Visible label (never a placeholder): style R10. */
  @property() label = '';

  get form(): HTMLFormElement | null {
    return this._internals.form;
  }

  get validity(): ValidityState {
    return this._internals.validity;
  }

  get validationMessage(): string {
    return this._internals.validationMessage;
  }

  checkValidity(): boolean {
    return this._internals.checkValidity();
  }

  reportValidity(): boolean {
    return this._internals.reportValidity();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.value && this.defaultValue) this.value = this.defaultValue;
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** Message for an invalid value, or null when valid; flags say which ValidityState bit is set. */
  protected abstract _validate(): { flags: ValidityStateFlags; message: string } | null;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this._internals.setFormValue(this.disabled ? null : this.value);
    const problem = this._validate();
    if (problem) this._internals.setValidity(problem.flags, problem.message);
    else this._internals.setValidity({});
  }

  /** Sets the value from a user action and fires `input` and `change` like a native control. */
  protected _commit(value: string): void {
    this.value = value;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
