// Imported first by every entry point (main, demo, the benchmark server), so it runs before anything allocates much.
import { keepNextTickShape } from './lib/next-tick-shape';

keepNextTickShape();
