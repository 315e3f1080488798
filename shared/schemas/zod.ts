/**
 * The one zod the contracts are written with: zod/mini, which a bundler can shake (the classic
 * API drags all of zod, about 450 KB minified, into every function and the admin page), with the
 * English messages the API reports. The admin page's Content-Security-Policy forbids eval, so zod
 * never tries its compiled parsers (jitless), here as on the server.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config({ ...en(), jitless: true });

// re-exported name by name (not as one object), so that a bundler keeps only what is used
export * from 'zod/mini';
