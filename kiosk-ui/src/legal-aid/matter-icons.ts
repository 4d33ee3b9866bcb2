import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

// Simple line pictures for the matter buttons (48×48 viewBox, stroke = currentColor).
const ICONS: Record<string, SVGTemplateResult> = {
  scale: svg`<path d="M24 6v34M10 40h28M8 14h32M14 14l-6 12h12zM34 14l-6 12h12z"/>`,
  shield: svg`<path d="M24 5l15 6v11c0 10-7 17-15 21C16 39 9 32 9 22V11z"/><path d="M17 24l5 5 9-10"/>`,
  medal: svg`<circle cx="24" cy="30" r="10"/><path d="M17 6l7 14 7-14M24 25v10"/>`,
  family: svg`<circle cx="15" cy="13" r="5"/><circle cx="33" cy="13" r="5"/><circle cx="24" cy="27" r="4"/><path d="M6 42c0-9 4-14 9-14s9 5 9 14M24 42c0-9 4-14 9-14s9 5 9 14"/>`,
  wallet: svg`<rect x="6" y="14" width="36" height="24" rx="3"/><path d="M10 14l20-8 4 8M32 26h10"/><circle cx="34" cy="26" r="1.5"/>`,
  person: svg`<circle cx="24" cy="13" r="7"/><path d="M10 42c0-10 6-16 14-16s14 6 14 16"/>`,
  helmet: svg`<path d="M8 30c0-10 7-18 16-18s16 8 16 18zM5 30h38v5H5zM24 12v8"/>`,
  car: svg`<path d="M6 30l4-11h28l4 11v8H6z"/><circle cx="14" cy="38" r="4"/><circle cx="34" cy="38" r="4"/><path d="M12 19l3-7h18l3 7"/>`,
  cross: svg`<rect x="6" y="6" width="36" height="36" rx="4"/><path d="M24 14v20M14 24h20"/>`,
  bowl: svg`<path d="M6 24h36c0 10-8 16-18 16S6 34 6 24zM16 18c0-4 4-4 4-8M26 18c0-4 4-4 4-8"/>`,
  leaf: svg`<path d="M10 38C10 18 22 8 40 8c0 18-10 30-30 30zM10 38l16-16"/>`,
  home: svg`<path d="M6 22L24 7l18 15M11 18v22h26V18M20 40V28h8v12"/>`,
  handshake: svg`<path d="M4 20l8-6 8 4 6-4 8 2 10 6M12 14v16l8 8 4-2 4 4 4-2 4 2 6-6V22M20 28l6 6M26 26l6 6"/>`,
  field: svg`<path d="M4 40l8-24h24l8 24zM16 16l-4 24M32 16l4 24M24 16v24M6 32h36M9 24h30"/>`,
  sprout: svg`<path d="M24 42V22M24 22c0-8-6-12-14-12 0 8 6 12 14 12zM24 26c0-8 6-12 14-12 0 8-6 12-14 12zM12 42h24"/>`,
  question: svg`<circle cx="24" cy="24" r="18"/><path d="M18 19c0-4 3-6 6-6s6 2 6 6c0 5-6 5-6 10"/><circle cx="24" cy="35" r="1.5"/>`,
};

/** The picture for a matter's `icon` (content/legal-aid); an unknown name gets the question mark. */
export function matterIcon(name: string): TemplateResult {
  return html`<svg
    viewBox="0 0 48 48"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    stroke-width="2.5"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${ICONS[name] ?? ICONS['question']}
  </svg>`;
}
