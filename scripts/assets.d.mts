// Types of assets.mjs, for the TypeScript that imports it.
export declare const PUBLIC_DIR: string;
export declare const DSFR_ENTRIES: readonly string[];
export declare const MANIFEST: string;
export declare function dsfrDir(): string;
export declare function dsfrPackageJson(): string;
export declare function filesUnder(dir: string): string[];
export declare function dsfrFiles(dir?: string): string[];
export declare function contentHash(dir: string, files: readonly string[]): string;
export declare function publicHash(): string;
export interface AssetManifest {
  dsfr: string;
  static: string;
  kept: { dsfr: string[]; static: string[] };
}
export declare function buildAssets(out: string, previous: string): Promise<AssetManifest>;
export declare function assetInputs(): string[];
