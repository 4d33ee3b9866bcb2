/* eslint-disable @typescript-eslint/consistent-type-imports -- JSON shapes need import() types with an attribute under NodeNext */
// Typed localisation keys, built from the shape of the zh-CN JSON files (style R9).
//
// Each file content/i18n/zh-CN/<namespace>.json is one namespace; a key is `<namespace>.<path>`.
// A part that adds a namespace file makes its keys typed by merging into KioskMessageNamespaces:
//
//   declare global {
//     interface KioskMessageNamespaces {
//       'legal-aid': typeof import('../../../content/i18n/zh-CN/legal-aid.json', { with: { type: 'json' } });
//     }
//   }

type App = typeof import('../../../content/i18n/zh-CN/app.json', { with: { type: 'json' } });
type Attract = typeof import('../../../content/i18n/zh-CN/attract.json', { with: { type: 'json' } });
type Home = typeof import('../../../content/i18n/zh-CN/home.json', { with: { type: 'json' } });
type Preparing = typeof import('../../../content/i18n/zh-CN/preparing.json', { with: { type: 'json' } });
type Hotline = typeof import('../../../content/i18n/zh-CN/hotline.json', { with: { type: 'json' } });
type Guide = typeof import('../../../content/i18n/zh-CN/guide.json', { with: { type: 'json' } });
type Institutions = typeof import('../../../content/i18n/zh-CN/institutions.json', { with: { type: 'json' } });
type Progress = typeof import('../../../content/i18n/zh-CN/progress.json', { with: { type: 'json' } });
type Idle = typeof import('../../../content/i18n/zh-CN/idle.json', { with: { type: 'json' } });
type Help = typeof import('../../../content/i18n/zh-CN/help.json', { with: { type: 'json' } });
type Input = typeof import('../../../content/i18n/zh-CN/input.json', { with: { type: 'json' } });

declare global {
  /** Namespace name → the shape of its JSON file. Other parts merge their namespaces in. */
  interface KioskMessageNamespaces {
    app: App;
    attract: Attract;
    home: Home;
    preparing: Preparing;
    hotline: Hotline;
    guide: Guide;
    institutions: Institutions;
    progress: Progress;
    idle: Idle;
    help: Help;
    input: Input;
  }
}

/** Dotted paths to the string leaves of a JSON shape (HA FlattenObjectKeys). */
export type FlattenKeys<T> = {
  [K in Extract<keyof T, string>]: T[K] extends string ? K : T[K] extends object ? `${K}.${FlattenKeys<T[K]>}` : never;
}[Extract<keyof T, string>];

/** Every localisation key; a missing key is a compile error. Voice prompt keys are these keys too. */
export type MessageKey = {
  [N in Extract<keyof KioskMessageNamespaces, string>]: `${N}.${FlattenKeys<KioskMessageNamespaces[N]>}`;
}[Extract<keyof KioskMessageNamespaces, string>];

/** Named placeholder values, e.g. {hotline: '12348'} for "拨打热线 {hotline}". */
export type MessageParams = Record<string, string | number>;

export type Localize = (key: MessageKey, params?: MessageParams) => string;
