// The adapter contract over HTTP and JSON. The contract itself is published as `openapi.json`.
export { createHttpAdapter, errorFromResponse, type HttpAdapterOptions } from './http-adapter.js';
