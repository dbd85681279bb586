// Runner for the suite that runs with a second http extension installed (the fake REST Client of
// test/fixtures/other-http-extension, `npm run test:host:other-http`). Same contract as ../suite/index.ts,
// whose run() it reuses: bundled into this folder, its `__dirname` finds the *.test.js here.
export { run } from '../suite/index';
