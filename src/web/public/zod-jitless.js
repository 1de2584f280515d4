// Zod compiles fast parsers with `new Function` unless told not to, and it decides when each object schema
// is built, at module load. Under our CSP (script-src 'self', no 'unsafe-eval') that probe is a violation.
// This classic script runs before any module, so the setting is in place however the bundle is split into
// chunks; src/web/lib/zod-config.ts sets the same through Zod's API.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
