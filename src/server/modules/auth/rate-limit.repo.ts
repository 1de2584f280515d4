import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitBuckets } from '../../db/schema/index';

export type Bucket = { count: number; windowStart: Date };

/**
 * Counts one hit in a fixed window, atomically: one upsert, so concurrent requests on several app
 * instances each see their own count (no read-then-write).
 */
export async function hitBucket(db: Db, key: string, now: Date, windowSeconds: number): Promise<Bucket> {
  const windowFloor = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.windowStart} <= ${windowFloor.toISOString()}::timestamptz then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowStart: sql`case when ${rateLimitBuckets.windowStart} <= ${windowFloor.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStart} end`,
      },
    })
    .returning({ count: rateLimitBuckets.count, windowStart: rateLimitBuckets.windowStart });
  const row = rows[0];
  return row ?? { count: 1, windowStart: now };
}

export async function peekBucket(db: Db, key: string, now: Date, windowSeconds: number): Promise<Bucket | undefined> {
  const rows = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key)).limit(1);
  const row = rows[0];
  if (!row || row.windowStart.getTime() <= now.getTime() - windowSeconds * 1000) return undefined;
  return { count: row.count, windowStart: row.windowStart };
}

export async function clearBucket(db: Db, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
}
