/** `npm run levels`: the classifier's intensities on the authored corpus, per label and level. */
import { formatIntensities, measureIntensities } from './lib/intensity-levels';

console.log(formatIntensities(measureIntensities()));
