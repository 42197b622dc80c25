// jsdom lacks what react-router and Apollo need at import time.
const { TextDecoder, TextEncoder } = require('node:util');
Object.assign(globalThis, { TextDecoder, TextEncoder });
if (!globalThis.crypto?.randomUUID) {
  globalThis.crypto = require('node:crypto').webcrypto;
}
