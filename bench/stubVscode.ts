/**
 * A stand-in for the `vscode` module, for timing `activate()` in plain Node: every property is a
 * callable, constructible stub and every iteration is empty, so the extension's wiring runs while the
 * editor's own work costs nothing (the real figure comes from the extension host's [measure] lines).
 */
import Module from 'node:module';

/** A value on which any property, call or `new` gives another such value. */
export function stub(): unknown {
  const target = function () {
    return undefined;
  };
  const get = (_target: unknown, key: string | symbol): unknown => {
    if (key === Symbol.iterator) return () => [][Symbol.iterator]();
    if (key === Symbol.toPrimitive) return () => '';
    if (key === 'then') return undefined;
    return proxy;
  };
  // The bundle's import interop copies the module into an object inheriting from its prototype.
  const prototype = new Proxy({}, { get });
  const proxy: unknown = new Proxy(target, {
    get,
    set: () => true,
    getPrototypeOf: () => prototype,
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}

/** Makes `require('vscode')` return the stub from now on in this process. */
export function installVscodeStub(): void {
  const vscode = stub();
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? vscode : original(request, ...rest));
}
