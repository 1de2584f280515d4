import { z } from 'zod';
import { issueMessage } from '../../shared/contracts/issue-messages';

// A 400 says what to send in the words the pages use ("Use a whole number from 0 to 120."), not Zod's
// ("Too big: expected number to be <=120"): the same messages as the browser's own checks. A contract's own
// message always wins over these.
z.config({ customError: issueMessage });
