// The corpus: models whose model.summary() real Keras printed, checked row by row through the CLI's JSON.
import { corpusSuite } from './suite';
import { EXPECTED_GAPS } from './expected-gaps';

corpusSuite('corpus', 'test/corpus', EXPECTED_GAPS, 'EXPECTED_GAPS');
