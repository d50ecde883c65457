/** `npm run bench:classifier`: speed, latency, load time and size of the on-device classifier. */
import { benchClassifier, formatBench } from './lib/classifier-bench';

const result = await benchClassifier();
console.log(formatBench(result));
