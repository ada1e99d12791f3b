// `npm run bench:review`: only the review at scale (a 20,000-sample run; part of `npm run bench`).
import { benchReviewScale } from './reviewScaleBench';

for (const line of await benchReviewScale()) console.log(line);
