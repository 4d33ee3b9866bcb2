import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ConsultationTopic } from '@kiosk/contract/signalling-api';

// Simple line pictures for the topic buttons (48×48 viewBox, stroke = currentColor).
const ICONS: Record<ConsultationTopic, SVGTemplateResult> = {
  wages: svg`<rect x="6" y="14" width="36" height="24" rx="3"/><path d="M10 14l20-8 4 8M32 26h10"/><circle cx="34" cy="26" r="1.5"/>`,
  land: svg`<path d="M4 40l8-24h24l8 24zM16 16l-4 24M32 16l4 24M24 16v24M6 32h36M9 24h30"/>`,
  family: svg`<circle cx="15" cy="13" r="5"/><circle cx="33" cy="13" r="5"/><circle cx="24" cy="27" r="4"/><path d="M6 42c0-9 4-14 9-14s9 5 9 14M24 42c0-9 4-14 9-14s9 5 9 14"/>`,
  loan: svg`<path d="M4 20l8-6 8 4 6-4 8 2 10 6M12 14v16l8 8 4-2 4 4 4-2 4 2 6-6V22M20 28l6 6M26 26l6 6"/>`,
  traffic: svg`<path d="M6 30l4-11h28l4 11v8H6z"/><circle cx="14" cy="38" r="4"/><circle cx="34" cy="38" r="4"/><path d="M12 19l3-7h18l3 7"/>`,
  other: svg`<circle cx="24" cy="24" r="18"/><path d="M18 19c0-4 3-6 6-6s6 2 6 6c0 5-6 5-6 10"/><circle cx="24" cy="35" r="1.5"/>`,
};

/** The picture of a consultation topic. */
export function topicIcon(topic: ConsultationTopic): TemplateResult {
  return html`<svg
    viewBox="0 0 48 48"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    stroke-width="2.5"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${ICONS[topic]}
  </svg>`;
}
