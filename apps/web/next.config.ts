import type { NextConfig } from 'next';

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The repository root, so Next does not guess it from lock files.
  turbopack: { root: new URL('../..', import.meta.url).pathname },
};

export default config;
