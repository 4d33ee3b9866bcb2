import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export interface RecordedPrompt {
  id: string;
  text: string;
  file: string;
  sha256: string;
  durationMs?: number;
}

const AUDIO_TYPES: Record<string, string> = {
  '.opus': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
};

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The zh-CN texts by localisation key (content/i18n/zh-CN/<namespace>.json → `<namespace>.<path>`),
 * the same source the UI shows, plus the recorded-prompt manifest (content/voice/prompts.json).
 */
export class PromptCatalog {
  private _texts = new Map<string, string>();
  private _recorded = new Map<string, RecordedPrompt>();

  constructor(private readonly _contentDir: string) {}

  load(): void {
    const texts = new Map<string, string>();
    const dir = join(this._contentDir, 'i18n/zh-CN');
    const walk = (prefix: string, node: unknown): void => {
      if (typeof node === 'string') texts.set(prefix, node);
      else if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) if (!k.startsWith('$')) walk(`${prefix}.${k}`, v);
    };
    if (existsSync(dir))
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort())
        walk(file.slice(0, -5), JSON.parse(readFileSync(join(dir, file), 'utf8')));
    this._texts = texts;
    const manifest = join(this._contentDir, 'voice/prompts.json');
    const recorded = new Map<string, RecordedPrompt>();
    if (existsSync(manifest))
      for (const p of (JSON.parse(readFileSync(manifest, 'utf8')) as { prompts: RecordedPrompt[] }).prompts)
        recorded.set(p.id, p);
    this._recorded = recorded;
  }

  keys(): string[] {
    return [...this._texts.keys()];
  }

  /** The key's current text, placeholders removed (a prompt spoken by key has no parameters). */
  text(key: string): string | undefined {
    const text = this._texts.get(key);
    return text?.replace(/\{\w+\}/g, '');
  }

  /** A recording for the key that exists and matches the current text; stale ones are ignored. */
  recording(key: string): { path: string; type: string } | null {
    const p = this._recorded.get(key);
    const text = this._texts.get(key);
    if (!p || text === undefined || p.sha256 !== sha256Text(text)) return null;
    const path = resolve(this._contentDir, 'voice', p.file);
    const type = AUDIO_TYPES[extname(path).toLowerCase()];
    if (!type || !path.startsWith(resolve(this._contentDir, 'voice')) || !existsSync(path)) return null;
    return { path, type };
  }

  hasRecordings(): boolean {
    return [...this._recorded.keys()].some((k) => this.recording(k) !== null);
  }
}
