/** The version of package.json, put in at build time (vite.config.mts). */
declare const __TANDEM_VERSION__: string;
