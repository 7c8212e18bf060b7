/** Baked in at build time by Vite's `define`; tests and tsx runs fall back to "dev". */
declare const __APP_VERSION__: string | undefined;

export const APP_NAME = 'Sentinel Console';
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
