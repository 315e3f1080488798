// The entry of a function's worker thread: TypeScript through tsx (the thread does not inherit
// the loader of the process that started it, whether that is tsx or vitest), then the host.
import { register } from 'tsx/esm/api';

register();
await import('./function-host.ts');
