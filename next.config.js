const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");

/**
 * Content-Security-Policy without nonces. Nonces need a proxy (middleware) file at the top level
 * and every page rendered per request, and they would not cover the style attributes React,
 * Radix and recharts write; so scripts and styles are limited to our own origin plus inline.
 * Everything else is locked down: no other origin for anything, no plugins, no framing, no
 * <base> or form posts elsewhere. `next dev` also needs eval (React's debugging) and a websocket.
 */
function contentSecurityPolicy(isDev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent with every response (pages and API). */
function securityHeaders(isDev) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(isDev) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Parley needs none of these browser features.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()" },
    // Browsers only honour it over HTTPS (ignored on http://localhost), where it keeps them on HTTPS for two years.
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    // A window we open (or that opens us) gets no handle on our pages.
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** @type {(phase: string) => import('next').NextConfig} */
module.exports = (phase) => ({
  // These load WebAssembly, native addons or their own workers: keep them out of the bundles.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg-boss",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "twilio",
    "pg",
  ],
  poweredByHeader: false,
  // The address for SMS Workflows; the app's routes are kebab-case.
  async redirects() {
    return [
      { source: "/SMSWorkflows", destination: "/sms-workflows", permanent: true },
      { source: "/SMSWorkflows/:path*", destination: "/sms-workflows/:path*", permanent: true },
    ];
  },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER),
      },
    ];
  },
});
