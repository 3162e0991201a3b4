/** sha256 over every workspace source file a CLI bundle is built from. */
export function sourcesDigest(root: string): string;
/** sha256 over the sources, the templates and the lockfile: what a report depends on besides its data and options. */
export function toolDigest(root: string): string;
