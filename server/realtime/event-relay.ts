import type { Cluster, Redis } from 'ioredis';
import type { Logger } from '../../core/logger.js';
import { asCluster, keySlot } from '../../core/redis/cluster-slots.js';
import type { RedisKeys } from '../../core/redis/keys.js';
import { parseEventFields, siteIdOf } from '../../core/events/site-event.js';
import type { SiteEvent } from '../../protocol/events.js';
import { compareStreamIds } from '../../core/events/stream-ids.js';
import { SlotLink } from './slot-link.js';

export interface RelayedEvent {
  siteId: string;
  eventId: string;
  event: SiteEvent;
}

/** A client joining a site's events: replay what it missed, then it receives live events. */
export interface FollowRequest {
  siteId: string;
  lastEventId: string | undefined;
  /** Called with the missed events, in order, before any live event reaches the client. */
  replay: (events: RelayedEvent[]) => void;
  /** The stream no longer holds lastEventId: the client must refetch. */
  resync: () => void;
  /** Called right after replay: join the room that live events go to. */
  join: () => void;
}

/** Longest a read blocks; the reader connection's command timeout must exceed it. */
export const RELAY_BLOCK_MS = 5000;
const BATCH = 500;

export interface RelayDeps {
  /** The relay's own connection (XREAD BLOCK holds it); on a cluster, only its slot map and options are used. */
  reader: Redis;
  /** A shared connection, used to CLIENT UNBLOCK the reader. */
  control: Redis;
  keys: RedisKeys;
  log: Logger;
  dispatch: (e: RelayedEvent) => void;
  /**
   * After a read that brought events, wait this long before the next one (REALTIME_RELAY_LINGER_MS),
   * so that events arriving meanwhile reach each socket together, in one write
   * (coalesced-writes.ts), and one XREAD serves them all.
   */
  lingerMs?: number;
}

/**
 * Tails the event streams of the sites this server's clients follow, and hands each event to
 * `dispatch` in stream order. On a single Redis one StreamTail reads every stream. On Redis
 * Cluster one XREAD cannot span hash slots (CROSSSLOT), so there is one StreamTail per slot
 * followed, each on its own connection to the master serving that slot; a site's stream lives
 * in one slot, so its order, replay and resync work as on a single Redis.
 */
export class EventRelay {
  private readonly cluster: Cluster | undefined;
  private readonly single: StreamTail | undefined;
  private readonly slots = new Map<number, { tail: StreamTail; link: SlotLink }>();
  private running = false;

  constructor(private readonly deps: RelayDeps) {
    this.cluster = asCluster(deps.reader);
    if (!this.cluster) this.single = new StreamTail(deps);
  }

  start(): void {
    this.running = true;
    this.single?.start();
    for (const { tail } of this.slots.values()) tail.start();
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all([this.single?.stop(), ...[...this.slots.values()].map(({ tail }) => tail.stop())]);
    for (const { link } of this.slots.values()) link.close();
  }

  /** Replays missed events to one client and then adds it to the live flow. */
  follow(req: FollowRequest): Promise<void> {
    return this.tailOf(req.siteId, true)!.follow(req);
  }

  /** One client fewer on the site; the stream is no longer read when none is left. */
  unfollow(siteId: string): void {
    this.tailOf(siteId, false)?.unfollow(siteId);
  }

  private tailOf(siteId: string, create: boolean): StreamTail | undefined {
    if (!this.cluster) return this.single;
    const slot = keySlot(this.deps.keys.events(siteId));
    let entry = this.slots.get(slot);
    if (!entry && create) {
      const link = new SlotLink(this.cluster, asCluster(this.deps.control), slot);
      const { reader: _r, control: _c, ...rest } = this.deps;
      const tail = new StreamTail({
        ...rest,
        get reader() {
          return link.reader;
        },
        get control() {
          return link.control;
        },
        heal: () => link.heal(),
      });
      entry = { tail, link };
      this.slots.set(slot, entry);
      if (this.running) tail.start();
    }
    return entry?.tail;
  }
}

/**
 * Tails a set of streams with ONE XREAD loop on one connection. One loop does everything
 * (reads, replays, joins), so a client that resumes never sees an event twice or out of order.
 */
class StreamTail {
  private readonly cursors = new Map<string, string>();
  private readonly followers = new Map<string, number>();
  private readonly pending: Array<FollowRequest & { done: (err?: unknown) => void }> = [];
  private readonly unfollows: string[] = [];
  private blockedClientId: number | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;

  /** `heal`, after a failed read: on a cluster, find the slot's master again. */
  constructor(private readonly deps: RelayDeps & { heal?: () => Promise<void> }) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.interrupt();
    await this.loopDone;
  }

  /** Replays missed events to one client and then adds it to the live flow. */
  follow(req: FollowRequest): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...req, done: (err) => (err ? reject(err) : resolve()) });
      void this.interrupt();
    });
  }

  /** One client fewer on the site; the stream is no longer read when none is left. */
  unfollow(siteId: string): void {
    this.unfollows.push(siteId);
  }

  // The UNBLOCK can overtake the XREAD it is meant for (two connections), so retry briefly
  // until the loop has taken the pending requests or the read was really unblocked.
  private async interrupt(): Promise<void> {
    this.wake?.();
    for (let attempt = 0; attempt < 50 && (this.pending.length > 0 || !this.running); attempt++) {
      if (this.blockedClientId === null) return;
      try {
        const unblocked = (await this.deps.control.client('UNBLOCK', this.blockedClientId)) as number;
        if (unblocked === 1) return;
      } catch {
        return; // the read ends by itself within RELAY_BLOCK_MS
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private async loop(): Promise<void> {
    const { log } = this.deps;
    this.blockedClientId = null;
    while (this.running) {
      try {
        this.applyUnfollows();
        await this.servePending();
        if (this.cursors.size === 0) {
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            if (this.pending.length > 0 || !this.running) resolve();
          });
          this.wake = null;
          continue;
        }
        const reader = this.deps.reader;
        if (this.blockedClientId === null) this.blockedClientId = (await reader.client('ID')) as number;
        if (this.pending.length > 0) continue;
        const sites = [...this.cursors.keys()];
        const res = (await reader.xread(
          'COUNT',
          BATCH,
          'BLOCK',
          RELAY_BLOCK_MS,
          'STREAMS',
          ...sites.map((s) => this.deps.keys.events(s)),
          ...sites.map((s) => this.cursors.get(s)!),
        )) as Array<[string, Array<[string, string[]]>]> | null;
        let read = 0;
        for (const [, entries] of res ?? []) {
          for (const [id, fields] of entries) this.emit(id, fields, (siteId) => this.cursors.set(siteId, id));
          read += entries.length;
        }
        // a full batch means more is waiting: read on at once
        const linger = this.deps.lingerMs ?? 0;
        if (linger > 0 && read > 0 && read < BATCH) await new Promise((r) => setTimeout(r, linger));
      } catch (err) {
        if (!this.running) break;
        log.warn({ err: (err as Error).message }, 'event relay read failed; retrying');
        this.blockedClientId = null;
        await new Promise((r) => setTimeout(r, 500));
        await this.deps.heal?.().catch(() => {});
      }
    }
  }

  private emit(id: string, fields: string[], advance: (siteId: string) => void): void {
    const event = parseEventFields(fields);
    if (!event) return;
    const siteId = siteIdOf(event);
    advance(siteId);
    try {
      this.deps.dispatch({ siteId, eventId: id, event });
    } catch (err) {
      this.deps.log.error({ err }, 'event dispatch failed');
    }
  }

  private applyUnfollows(): void {
    for (const siteId of this.unfollows.splice(0)) {
      const n = (this.followers.get(siteId) ?? 1) - 1;
      if (n > 0) this.followers.set(siteId, n);
      else {
        this.followers.delete(siteId);
        this.cursors.delete(siteId);
      }
    }
  }

  private async servePending(): Promise<void> {
    for (const req of this.pending.splice(0)) {
      try {
        await this.serve(req);
        req.done();
      } catch (err) {
        req.done(err);
      }
    }
  }

  private async serve(req: FollowRequest): Promise<void> {
    const { reader, keys } = this.deps;
    const key = keys.events(req.siteId);
    if (!this.cursors.has(req.siteId)) {
      const last = (await reader.xrevrange(key, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
      this.cursors.set(req.siteId, last[0]?.[0] ?? '0-0');
    }
    this.followers.set(req.siteId, (this.followers.get(req.siteId) ?? 0) + 1);
    const cursor = this.cursors.get(req.siteId)!;
    if (req.lastEventId && compareStreamIds(req.lastEventId, cursor) < 0) {
      const first = (await reader.xrange(key, '-', '+', 'COUNT', 1)) as Array<[string, string[]]>;
      const firstId = first[0]?.[0];
      if (!firstId || compareStreamIds(req.lastEventId, firstId) < 0) {
        req.resync();
      } else {
        const missed: RelayedEvent[] = [];
        let from = `(${req.lastEventId}`;
        for (;;) {
          const page = (await reader.xrange(key, from, cursor, 'COUNT', BATCH)) as Array<[string, string[]]>;
          for (const [id, fields] of page) {
            const event = parseEventFields(fields);
            if (event) missed.push({ siteId: req.siteId, eventId: id, event });
          }
          if (page.length < BATCH) break;
          from = `(${page[page.length - 1]![0]}`;
        }
        req.replay(missed);
      }
    } else if (req.lastEventId && compareStreamIds(req.lastEventId, cursor) > 0) {
      req.resync(); // an id from the future: the stream was reset under the client
    }
    req.join();
  }
}
