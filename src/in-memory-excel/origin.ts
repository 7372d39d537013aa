// One web origin as the add-in's pages see it: every pane and every ribbon
// function file of the add-in, in every open workbook, is a page of the same
// origin, so they share one localStorage and their BroadcastChannels of one
// name reach each other. Each page gets a window of its own (FakeOrigin.window):
// - localStorage is shared by all windows; setting an item fires a `storage`
//   event in every OTHER window of the origin, not in the one that set it
//   (HTML Standard, "The storage event": "fired ... at each Window object
//   ... whose Document's ... storage area is the same, other than the one
//   that caused the change");
// - a message posted on a BroadcastChannel reaches every other
//   BroadcastChannel object of that name in the origin, in any window, but
//   not the one that posted it (HTML Standard, "Broadcasting to other
//   browsing contexts");
// - setInterval is driven by the test (tick()).
// Pure TypeScript, no Node APIs. Its windows have the shape of the globals
// src/commands/outcomes.ts reads (OutcomeScope).

type StorageListener = (event: { key: string | null; newValue: string | null }) => void;

interface ChannelLike {
  name: string;
  closed: boolean;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface FakeWindow {
  localStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };
  BroadcastChannel: new (name: string) => { onmessage: ((event: { data: unknown }) => void) | null; postMessage(data: unknown): void; close(): void };
  addEventListener(type: 'storage', listener: StorageListener): void;
  removeEventListener(type: 'storage', listener: StorageListener): void;
  setInterval(run: () => void, ms: number): number;
  clearInterval(id: number): void;
}

export class FakeOrigin {
  readonly storage = new Map<string, string>();
  private readonly listeners = new Map<FakeWindow, Set<StorageListener>>();
  private readonly channels = new Set<ChannelLike>();
  private readonly timers = new Map<number, () => void>();
  private nextTimer = 1;

  /** A new page of this origin (a pane, a function file). */
  window(): FakeWindow {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const origin = this;
    const mine = new Set<StorageListener>();
    const fire = (key: string, newValue: string | null) => {
      for (const [other, set] of this.listeners) if (other !== page) for (const listener of set) listener({ key, newValue });
    };
    class Channel implements ChannelLike {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      closed = false;
      constructor(readonly name: string) {
        origin.channels.add(this);
      }
      postMessage(data: unknown): void {
        if (this.closed) throw new Error('InvalidStateError: the channel is closed');
        // A structured clone: the receiver never shares the sender's object.
        const copy = JSON.parse(JSON.stringify(data)) as unknown;
        for (const channel of origin.channels) if (channel !== this && !channel.closed && channel.name === this.name) channel.onmessage?.({ data: copy });
      }
      close(): void {
        this.closed = true;
        origin.channels.delete(this);
      }
    }
    const page: FakeWindow = {
      localStorage: {
        getItem: (key) => this.storage.get(key) ?? null,
        setItem: (key, value) => {
          this.storage.set(key, String(value));
          fire(key, String(value));
        },
        removeItem: (key) => {
          if (!this.storage.delete(key)) return;
          fire(key, null);
        },
      },
      BroadcastChannel: Channel,
      addEventListener: (_type, listener) => void mine.add(listener),
      removeEventListener: (_type, listener) => void mine.delete(listener),
      setInterval: (run) => {
        const id = this.nextTimer++;
        this.timers.set(id, run);
        return id;
      },
      clearInterval: (id) => void this.timers.delete(id),
    };
    this.listeners.set(page, mine);
    return page;
  }

  /** Runs every interval timer once (a heartbeat's period passing). */
  tick(): void {
    for (const run of [...this.timers.values()]) run();
  }
}
