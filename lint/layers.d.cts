// Types of lint/layers.cjs for the TypeScript tests that read the same table.
export declare const ROOT: string;
export declare const ALLOWED: Record<string, string[]>;
export declare const PURE: string[];
export declare const NODE_MODULES: string[];
export declare function layerOf(file: string): string | undefined;
export declare function forbidden(from: string, to: string): string | undefined;
export declare const rule: unknown;
