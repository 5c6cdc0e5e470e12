/*
 * A loopback TCP proxy between a backend and PostgreSQL that a test can cut: `cut()` drops
 * every connection through it and refuses new ones (its port stops listening), `restore()`
 * lets connections through again on the same port. Test code only.
 */
import net from 'net';

export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private listenPort = 0;

  private constructor(
    private readonly target: { host: string; port: number },
  ) {}

  /** A proxy to `target` listening on a free loopback port. */
  static async start(target: { host: string; port: number }) {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  get port() {
    return this.listenPort;
  }

  /** Connections open through the proxy now (each counts its two sides). */
  get openSockets() {
    return this.sockets.size;
  }

  private track(socket: net.Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // a reset on one side is expected when the other is cut
    socket.on('error', () => socket.destroy());
  }

  private listen(): Promise<void> {
    const server = net.createServer(client => {
      const upstream = net.connect(this.target);
      this.track(client);
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listenPort, '127.0.0.1', () => {
        this.listenPort = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Drops every connection and refuses new ones until {@link restore}. */
  async cut() {
    const server = this.server;
    this.server = undefined;
    const closed = server
      ? new Promise<void>(resolve => server.close(() => resolve()))
      : Promise.resolve();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** Lets connections through again, on the same port. */
  async restore() {
    if (!this.server) await this.listen();
  }

  async stop() {
    await this.cut();
  }
}
