// `node scripts/serve-local.js`: the built app (build/, from `vite build`) over plain HTTP, at
// whatever address it is reached by: http://localhost:3000, http://127.0.0.1:3000 or the
// machine's name. What `npm start` runs when ORIGIN is not set.
//
// Why not `node build`: without ORIGIN, adapter-node takes the request's host but assumes
// https, so a form posted from http://127.0.0.1:3000 fails SvelteKit's cross-site check (403
// "Cross-site POST form submissions are forbidden"); with ORIGIN=http://localhost:3000 it works
// at that address only. This server says "http" for every request it receives, because that is
// what it is. Behind a TLS proxy, set ORIGIN (or PROTOCOL_HEADER and HOST_HEADER) and run
// `node build` instead.
//
// Environment: as `node build` (PORT, HOST, COSI_DB, BODY_SIZE_LIMIT, ...).
import http from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const protocolHeader = 'x-cosi-local-protocol';

// Read by the handler when it is imported: the protocol comes from the header set below (any
// value a client sent is overwritten), the host from the request's Host header.
process.env.PROTOCOL_HEADER = protocolHeader;
delete process.env.ORIGIN;

const { handler } = await import(pathToFileURL(join(root, 'build', 'handler.js')).href);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

const server = http.createServer((req, res) => {
	req.headers[protocolHeader] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	const anywhere = host === '0.0.0.0' || host === '::';
	const address = `http://${anywhere ? 'localhost' : host}:${port}`;
	const also = anywhere ? ` (or http://127.0.0.1:${port})` : '';
	console.log(`cosi-monitor is running: open ${address}${also}. Stop it with Ctrl-C.`);
});

function stop() {
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	// Requests still running get a few seconds, as adapter-node's SHUTDOWN_TIMEOUT would.
	setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
