import { html, nothing, type TemplateResult } from 'lit';
import type { Localize, MessageKey, MessageParams } from './message-types.js';

/** Splits text so that runs of digits get the digit size (≥ 36 px: accessibility.md §2). */
export function textRuns(text: string): Array<TemplateResult | string> {
  return text
    .split(/([0-9][0-9:：\-./X ]*[0-9X]|[0-9])/)
    .map((part, i) => (i % 2 ? html`<span class="num">${part}</span>` : part));
}

/**
 * The localized text of a key, tappable to hear it: the shell reads `data-say` (and the params)
 * from the tapped element and speaks that key.
 */
export function say(t: Localize, key: MessageKey, params?: MessageParams): TemplateResult {
  return html`<span data-say=${key} data-say-params=${params ? JSON.stringify(params) : nothing}
    >${textRuns(t(key, params))}</span
  >`;
}

/** Non-personal dynamic text (an institution's name or hours), tappable to hear it. */
export function sayText(text: string): TemplateResult {
  return html`<span data-say-text=${text}>${textRuns(text)}</span>`;
}
