// The reports module's only public surface (M-10 … M-12, M-17 so far).
export { publicReportRoutes, staffReportRoutes, DEFAULT_PUBLIC_LIMITS, type PublicLimits } from './reports.routes.js';
export { CHANNELS } from './reports.schema.js';
export { clueRoutes } from './clue.routes.js';
