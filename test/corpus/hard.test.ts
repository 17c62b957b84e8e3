// The hard corpus: real-world architectures (keras.applications, U-Net, Transformer), checked by
// totals, layer count, final shape and selected rows (checkpoints) through the CLI's JSON.
import { corpusSuite } from './suite';
import { HARD_GAPS } from './expected-gaps';

corpusSuite('corpus-hard', 'test/corpus-hard', HARD_GAPS, 'HARD_GAPS');
