/** Kept apart from serve.ts so the help can show it without loading the HTTP server (fastify). */
export const SERVE_USAGE = 'wijzer serve [<catalogus>...] [--port 8080] [--host 127.0.0.1]';
