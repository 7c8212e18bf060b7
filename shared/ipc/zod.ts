import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini loads no locale (its messages would all read "Invalid input"); operators read
// these messages, so English, exactly as classic zod gives. Every schema module imports
// `z` from here, never 'zod' itself: mini is functional (no per-instance bound methods) and
// tree-shakes, which keeps the CLI's start-up short.
z.config(en());

export { z };
