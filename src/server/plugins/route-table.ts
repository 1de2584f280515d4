import type { FastifyInstance } from 'fastify';

/** A route as the security tests see it; `uploadTypes` are the non-JSON body types it accepts (uploads only). */
export type RouteInfo = { method: string; url: string; hasBodySchema: boolean; uploadTypes: readonly string[] };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered (without HEAD twins): the security tests walk it. */
    routeTable: RouteInfo[];
  }
}

export function registerRouteTable(app: FastifyInstance): void {
  const table: RouteInfo[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      table.push({ method, url: route.url, hasBodySchema: Boolean(route.schema?.body), uploadTypes: route.config?.uploadTypes ?? [] });
    }
  });
}
