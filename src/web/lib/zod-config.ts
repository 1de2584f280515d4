import { z } from 'zod';

// Zod compiles fast parsers with `new Function` when it may; under our CSP (script-src 'self', no
// 'unsafe-eval') even its probe for that is reported as a violation. Parse without code generation.
// Zod probes when each object schema is built, so the page sets this first of all (public/zod-jitless.js,
// a classic script that runs before any module chunk); this line says the same through Zod's API.
z.config({ jitless: true });
