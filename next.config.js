/** @type {import('next').NextConfig} */
const nextConfig = {
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
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
