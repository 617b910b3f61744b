import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The gateway serves dist/ at / on the same origin as the API; `npm run dev` proxies the API to a local stack.
const gateway = process.env.REDES_GATEWAY ?? 'http://127.0.0.1:5100';

export default defineConfig({
  plugins: [
    react(),
    // The installable app: manifest.webmanifest and sw.js (built from sw/sw.ts with the precache list of this build).
    // Registration is ours (src/shared/offline/register.ts, lazily after load): nothing inline, CSP default-src 'self'.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'autoUpdate',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: 'RedesPlataforma',
        short_name: 'Redes',
        description: 'Redes empresariales rurales: productores, redes, monitoreo y cofinanciamiento, también sin conexión.',
        lang: 'es-PE',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // --green and --wash of portal.css.
        theme_color: '#1f5f3a',
        background_color: '#f3f6f4',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      injectManifest: {
        // The whole shell: every chunk (pages load on first visit, so all must be here to open offline), the
        // English texts, styles, icons and the regions map.
        globPatterns: ['**/*.{js,css,html,svg,ico,png,json,webmanifest}'],
        globIgnores: ['sw.js'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        buildPlugins: { vite: [] },
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    // No inline scripts or styles: the gateway's CSP is default-src 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    proxy: Object.fromEntries(['/api', '/bff', '/connect', '/.well-known'].map((path) => [path, gateway])),
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // A component test that waits on the DOM is judged by what it finds, not by how fast a loaded 2-core machine gets there.
    testTimeout: 15_000,
    // Vitest leaves a core to its own process by default, which on CI's two cores means one worker; the main process
    // only collects results, so every core runs test files.
    maxWorkers: availableParallelism(),
    // Test files share their worker's page and modules instead of a fresh jsdom and module graph each: the run takes
    // a third of the time (docs/decisions/0034). src/test/setup.ts puts back what a test replaces on the page.
    isolate: false,
  },
});
