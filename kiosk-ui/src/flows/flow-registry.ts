/// <reference types="vite/client" />
// Flows register themselves by file name: kiosk-ui/src/flows/<flow>-flow.ts, lazily loaded.
// content/services.json names the flow of each home entry; an entry whose flow file does not exist
// yet opens the "being prepared" screen with the hotline instead of a dead button.

/** What a flow module exports. Importing the module defines the element. */
export interface FlowDefinition {
  /** Custom element the shell renders full-screen, e.g. 'kiosk-legal-aid-flow'. */
  tag: string;
}

export interface FlowModule {
  flow: FlowDefinition;
}

const modules: Record<string, () => Promise<FlowModule>> = { ...import.meta.glob<FlowModule>('./*-flow.ts') };

function pathOf(flow: string): string {
  return `./${flow}-flow.ts`;
}

/**
 * Registers a flow that does not live in this folder (another package, or a test fixture);
 * `load` is called lazily when the villager opens the entry.
 */
export function registerFlow(flow: string, load: () => Promise<FlowModule>): void {
  modules[pathOf(flow)] = load;
}

export function flowAvailable(flow: string): boolean {
  return pathOf(flow) in modules;
}

export async function loadFlow(flow: string): Promise<FlowDefinition> {
  const load = modules[pathOf(flow)];
  if (!load) throw new Error(`no flow module for '${flow}'`);
  return (await load()).flow;
}
