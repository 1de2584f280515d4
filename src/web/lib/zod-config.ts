import { z } from 'zod';

// Zod compiles fast parsers with `new Function` when it may; under our CSP (script-src 'self', no
// 'unsafe-eval') even its probe for that is reported as a violation. Parse without code generation.
z.config({ jitless: true });
