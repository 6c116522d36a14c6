// Types of build.mjs, for the TypeScript that imports it (bin/ is plain JavaScript and needs none).
export declare const root: string;
export declare function sourceFingerprint(): string;
export declare function isStale(): boolean;
export declare function build(): Promise<void>;
export declare function ensureBuilt(): Promise<boolean>;
