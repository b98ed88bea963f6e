/**
 * The unit tests' Vitest environment (see vite.config.ts): plain Node, but with modules compiled
 * as for the browser. Vitest's `node` environment has `.svelte.ts` files compiled for the server,
 * where runes are plain fields and effects never run; the app runs the client build, and a test
 * that watches state change the way a component does needs it.
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup: () => ({ teardown: () => {} }),
} satisfies Environment;
