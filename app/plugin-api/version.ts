/** The host's version, matched against each manifest's `host` range (kept equal to package.json's by a test). */
export const HOST_VERSION = "0.1.0";
