/**
 * Closes a local endpoint's HTTP server.
 * @internal
 */
import type { Server } from 'node:http';

/**
 * Stops the server and resolves once it is closed. Open connections are dropped first, so that
 * a client's kept-alive or in-flight sockets do not hold `close()` open.
 * @internal
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.closeAllConnections();
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}
