import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the app and a server (PostgreSQL), for fault tests: `cut()` makes the
 * server unreachable for everything behind the proxy, as a network failure or a stopped
 * PostgreSQL would, without touching the shared server that other tests use.
 *
 *   const proxy = await TcpProxy.start('127.0.0.1', 5432);
 *   const app = await createTestApp({ databaseUrl: proxy.url(testConfig().databaseUrl) });
 *   proxy.cut(); ... proxy.restore(); ... await proxy.close();
 */
export class TcpProxy {
  private readonly open = new Set<Socket>();
  private refusing = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const ready: { proxy?: TcpProxy } = {};
    const server = createServer((client) => ready.proxy!.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    ready.proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return ready.proxy;
  }

  /** The same postgres:// (or any host:port) URL, pointed at the proxy. */
  url(targetUrl: string): string {
    const url = new URL(targetUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Drops every open connection and refuses new ones (each is reset as soon as it is accepted). */
  cut(): void {
    this.refusing = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, targetHost: string, targetPort: number): void {
    // Keeping the port listening while cut (rather than closing the server) means nothing else can take it before restore().
    if (this.refusing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(targetPort, targetHost);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.open.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        this.open.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
