import { z } from 'zod';

/** A 204 answer. */
export const ZNoContent = z.null();
