// `npm run build`: builds everything that is stale (see lib/build.mjs).
import { build } from './lib/build.mjs';

await build();
