/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pg-boss"],
  poweredByHeader: false,
  // `npm test` type-checks and lints on its own; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // CSV imports send the file's text to a server action: up to 20 MB, a little more encoded. The
  // proxy (proxy.ts) reads request bodies too, and cut them at its default 10 MB before the action.
  experimental: { serverActions: { bodySizeLimit: "25mb" }, proxyClientMaxBodySize: "25mb" },
};

module.exports = nextConfig;
