export declare const workspaceAlias: Array<{ find: RegExp; replacement: string }>;
