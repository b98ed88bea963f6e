/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri loads the dev server from a fixed port (devUrl) and the built files from ui/dist.
export default defineConfig({
  plugins: [svelte()],
  resolve: {
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    // Unit tests run the rune classes with Svelte's client runtime (as in the app), not the
    // server one, so $derived values update after their inputs change.
    conditions: process.env.VITEST ? ['browser'] : undefined,
  },
  // Keep Rust compiler output visible when `tauri dev` runs us.
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    host: process.env.TAURI_DEV_HOST || false,
    // The Rust side rebuilds on its own; don't reload the page for its files.
    watch: { ignored: ['**/src-tauri/**'] },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebView2 (Chromium) on Windows, WebKit elsewhere.
    target: ['es2022', 'chrome105', 'safari15'],
    sourcemap: false,
    // The overview's chunk is ECharts (heat map, scatter, SVG renderer): ~530 kB, loaded from
    // disk only when the overview is first opened.
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Node, but with .svelte.ts modules compiled for the client (see the file).
    environment: './src/lib/testing/clientEnvironment.ts',
  },
});
