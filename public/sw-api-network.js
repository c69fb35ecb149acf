// The API goes straight to the network, past the service worker (the Static Routing API,
// where the browser has it): it never answers API requests, and asking it costs each one a
// round trip to the worker. Loaded into the generated service worker by importScripts.
self.addEventListener('install', (event) => {
  if (typeof event.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
  event.waitUntil(
    event
      .addRoutes({
        condition: { urlPattern: new URLPattern({ pathname: '/api/*' }) },
        source: 'network',
      })
      .catch(() => {}),
  );
});
