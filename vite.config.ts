import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { bootScreen } from './scripts/vite/boot-screen.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const ADMIN_ONLY = [
  /\/src\/features\/users\//,
  /\/locales\/\w+\/users\.json$/,
  /\/src\/features\/territories\/territory-admin\.tsx$/,
  /\/src\/features\/reference-lists\//,
  /\/locales\/\w+\/reference-lists\.json$/,
];

let stampDir = 'dist';

export default defineConfig({
  plugins: [
    react(),
    bootScreen(fileURLToPath(new URL('./locales', import.meta.url))),
    {
      // Marks a finished build, so `npm start` can tell a stale one from a fresh one.
      name: 'sedp-build-stamp',
      apply: 'build',
      configResolved(config) {
        stampDir = config.build.outDir;
      },
      closeBundle: {
        order: 'post',
        handler() {
          writeFileSync(join(stampDir, '.build-stamp'), `${new Date().toISOString()}\n`);
        },
      },
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      // Install icons are fetched by the browser when needed; only the small one is precached.
      includeManifestIcons: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'SEDP Field',
        short_name: 'SEDP Field',
        description: 'ПСЭР / СЭӨП / SEDP: public hearings, trainings and evaluations, offline',
        lang: 'ru',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0f6a4f',
        background_color: '#f6f7f4',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // App shell, every lazy route and locale chunk, the Cyrillic fonts and the icon.
        // Admin-only screens and the Latin font subset are cached when first used instead
        // (see runtimeCaching), which keeps the first download within its budget.
        globPatterns: [
          '**/*.{js,css,html,svg,webmanifest}',
          'assets/noto-sans-cyrillic-*.woff2',
          'icons/icon-192.png',
        ],
        globIgnores: ['assets/admin/**'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) =>
              url.pathname.startsWith('/assets/admin/') || url.pathname.endsWith('.woff2'),
            // Hashed names never change content: the first copy is good for ever.
            handler: 'CacheFirst',
            options: {
              cacheName: 'sedp-assets-on-demand',
              expiration: { maxEntries: 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
        importScripts: ['/sw-api-network.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first install takes control at once so the first visit works offline;
        // later versions wait until the user accepts the update.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Screens only administrators use go under assets/admin/, outside the precache.
        chunkFileNames: (chunk) =>
          ADMIN_ONLY.some((pattern) => pattern.test(chunk.facadeModuleId ?? ''))
            ? 'assets/admin/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
    sourcemap: false,
    // Read by the benchmark to follow what the first route loads.
    manifest: true,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` },
  },
});
