// Preloaded into a service under test (node --require): notes which module required which
// @opentelemetry package, and writes that and the @opentelemetry files left in require.cache to
// the file REQUIRE_PROBE_OUT names when the process exits.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const requires = [];
const originalRequire = Module.prototype.require;
Module.prototype.require = function probedRequire(request, ...rest) {
  if (typeof request === 'string' && request.startsWith('@opentelemetry/')) requires.push({ request, from: this.filename });
  return originalRequire.call(this, request, ...rest);
};

process.on('exit', () => {
  const cached = Object.keys(require.cache).filter((file) => file.includes('/node_modules/@opentelemetry/'));
  writeFileSync(process.env.REQUIRE_PROBE_OUT, JSON.stringify({ requires, cached }));
});
