import * as net from 'node:net';

/** What the proxy does to traffic right now. */
export interface ProxyFaults {
  /** Added to every chunk in both directions, ms. */
  readonly latencyMs: number;
  /** No byte moves and new connections wait, until heal() or stall's end. */
  readonly stalled: boolean;
}

interface Pair {
  readonly client: net.Socket;
  readonly server: net.Socket;
}

/**
 * A TCP proxy for fault injection between the API and PostgreSQL (issue #11), driven by the test on command:
 * `reset()` kills every open connection with a TCP RST (both sides see ECONNRESET), `stall(ms)` freezes all traffic
 * (open connections and new ones) for a while, `latency(ms)` delays every chunk, `heal()` ends stall and latency.
 * Order of bytes is kept in every mode: delayed chunks of one direction go out in sequence.
 */
export class FaultProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<Pair>();
  private latencyMs = 0;
  private stalledUntil = 0;
  private stallTimer: NodeJS.Timeout | null = null;
  private readonly waiting: (() => void)[] = [];
  /** Connections accepted since start, and connections reset on command. */
  readonly stats = { connections: 0, resets: 0 };

  constructor(
    private readonly target: { readonly host: string; readonly port: number },
    private readonly listenPort = 0,
  ) {}

  get faults(): ProxyFaults {
    return { latencyMs: this.latencyMs, stalled: this.isStalled() };
  }

  /** Starts listening on 127.0.0.1; resolves to the port. */
  async start(): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => resolve());
    });
    return (server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.heal();
    for (const p of this.pairs) {
      p.client.destroy();
      p.server.destroy();
    }
    this.pairs.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Resets every open connection (RST to both peers); returns how many were cut. */
  reset(): number {
    let n = 0;
    for (const p of [...this.pairs]) {
      n++;
      resetSocket(p.client);
      resetSocket(p.server);
      this.pairs.delete(p);
    }
    this.stats.resets += n;
    return n;
  }

  /** Freezes all traffic for `ms` (heal() ends it earlier). */
  stall(ms: number): void {
    this.stalledUntil = Date.now() + ms;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => this.unstall(), ms);
  }

  /** Delays every chunk by `ms` from now on (0 = none). */
  latency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Ends a stall and removes latency; held traffic flows again in order. */
  heal(): void {
    this.latencyMs = 0;
    this.unstall();
  }

  private isStalled(): boolean {
    return Date.now() < this.stalledUntil;
  }

  private unstall(): void {
    this.stalledUntil = 0;
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
    for (const resume of this.waiting.splice(0)) resume();
  }

  /** Resolves when traffic may move (immediately unless stalled). */
  private gate(): Promise<void> {
    if (!this.isStalled()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private accept(client: net.Socket): void {
    this.stats.connections++;
    client.pause();
    const server = net.connect(this.target.port, this.target.host);
    const pair: Pair = { client, server };
    this.pairs.add(pair);
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('error', close);
    server.on('error', close);
    client.on('close', close);
    server.on('close', close);
    void this.gate().then(() => {
      if (!this.pairs.has(pair)) return;
      this.pipe(client, server);
      this.pipe(server, client);
      client.resume();
    });
  }

  /** Forwards `from` → `to` through the gate and the latency, one chunk after another (order kept). */
  private pipe(from: net.Socket, to: net.Socket): void {
    let chain = Promise.resolve();
    let queued = 0;
    from.on('data', (chunk: Buffer) => {
      const delay = this.latencyMs;
      if (!delay && !this.isStalled() && queued === 0) {
        to.write(chunk);
        return;
      }
      queued++;
      chain = chain
        .then(() => this.gate())
        .then(() => (delay ? new Promise((r) => setTimeout(r, delay)) : undefined))
        .then(() => {
          queued--;
          if (!to.destroyed) to.write(chunk);
        });
    });
    from.on('end', () => {
      void chain.then(() => to.end());
    });
  }
}

/** TCP RST when the runtime offers it (Node ≥ 18.3), else a plain destroy. */
function resetSocket(socket: net.Socket): void {
  const s = socket as net.Socket & { resetAndDestroy?: () => void };
  if (typeof s.resetAndDestroy === 'function' && !socket.destroyed && socket.readyState === 'open')
    s.resetAndDestroy();
  else socket.destroy();
}
