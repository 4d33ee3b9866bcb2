import { describe, expect, it } from 'vitest';
import { findTerminal } from '../../service-center/src/http/terminal-auth.js';

const terminals = Array.from({ length: 10_000 }, (_, i) => ({
  id: `t-${i}`,
  token: `token-of-terminal-${String(i).padStart(5, '0')}-secret`,
  name: `第${i}号`,
}));

describe('terminal token lookup (a province configures 10 000 terminals)', () => {
  it('finds each terminal by its own token, first and last alike', () => {
    expect(findTerminal(terminals, terminals[0].token)?.id).toBe('t-0');
    expect(findTerminal(terminals, terminals[9_999].token)?.id).toBe('t-9999');
  });

  it('refuses a token that is a prefix, a near miss, empty or an inherited name', () => {
    const t = terminals[42].token;
    for (const bad of [t.slice(0, -1), `${t}x`, t.toUpperCase(), '', 'toString', '__proto__', 'constructor'])
      expect(findTerminal(terminals, bad)).toBeUndefined();
  });

  it('sees a reloaded terminal list (a removed terminal is refused at once)', () => {
    const reloaded = terminals.filter((x) => x.id !== 't-7');
    expect(findTerminal(terminals, terminals[7].token)?.id).toBe('t-7');
    expect(findTerminal(reloaded, terminals[7].token)).toBeUndefined();
  });
});
