/** `npm run -s footprint`: sizes and start-up costs of the knowledge base (see scripts/lib/kb-footprint.ts). */
import { formatKbFootprint, measureKbFootprint } from './lib/kb-footprint';

console.log(formatKbFootprint(measureKbFootprint()));
