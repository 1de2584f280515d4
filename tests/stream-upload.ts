import { request as httpRequest, type IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

export type StreamedAnswer = { status: number; body: string; ms: number; sent: number };

/**
 * Streams `total` bytes of `chunk` repeated to `url` over a real socket, with back-pressure, and stops writing
 * as soon as an answer arrives: nothing here holds the whole body, so an upload limit is seen as the server
 * applies it (early, on the stream), not after a client buffered it all.
 */
export function streamUpload(url: string, total: number, chunk: Buffer, headers: Record<string, string>): Promise<StreamedAnswer> {
  const started = performance.now();
  return new Promise<StreamedAnswer>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers });
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      const ms = performance.now() - started;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => {
        body += part;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms, sent }));
    });
    // The server closes the connection after a 413; writes after that fail, which is the point.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}
