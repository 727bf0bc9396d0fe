import fc from 'fast-check';
import { Estimator } from '../../src/estimators/Estimator.js';
import { trainingConfig } from '../../src/config/trainingConfig.js';
import { createSession } from '../../src/session.js';
import { estimatorPropsArb, sessionArb, trainingInputsArb } from '../../src/arbitraries/index.js';
const session = createSession({
  region: 'us-east-1',
  defaultBucket: 'b',
  now: () => 1650504550.03,
});
let t = performance.now();
for (let i = 0; i < 10000; i++)
  trainingConfig(
    new Estimator({
      session,
      role: 'r',
      imageUri: 'a/b:1',
      instanceCount: 1,
      instanceType: 'ml.m5.large',
      hyperparameters: { a: 1, b: 'x' },
    }),
    { inputs: 's3://x' },
  );
console.log('build ms each', (performance.now() - t) / 10000);
t = performance.now();
fc.sample(sessionArb(), 100);
console.log('session sample', performance.now() - t);
t = performance.now();
const s = fc.sample(sessionArb(), 1)[0]!;
fc.sample(estimatorPropsArb(s), 100);
console.log('props sample', performance.now() - t);
t = performance.now();
fc.sample(trainingInputsArb(), 100);
console.log('inputs sample', performance.now() - t);
const caseArb = fc.record({ props: estimatorPropsArb(sessionArb()), inputs: trainingInputsArb() });
t = performance.now();
fc.assert(
  fc.property(caseArb, ({ props, inputs }) => {
    trainingConfig(new Estimator(props), { inputs });
  }),
);
console.log('property 100 runs ms', performance.now() - t);
t = performance.now();
fc.sample(caseArb, 100);
console.log('caseArb sample', performance.now() - t);
