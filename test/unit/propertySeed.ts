/**
 * Property tests run from one fixed seed in `npm test`, so a run is reproducible and CI never turns red on
 * a case no commit introduced. `FC_SEED=random` (or any number) explores other cases; a failure prints the
 * seed and the shrunk counterexample to add as a fixed case.
 */
import fc from 'fast-check';

const given = process.env.FC_SEED;
if (given !== 'random') fc.configureGlobal({ seed: given === undefined ? 20261202 : Number(given) });
