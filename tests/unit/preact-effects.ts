/**
 * Preact runs a component's effects after the next animation frame, or after 100 ms when no frame comes.
 * In jsdom that 100 ms timer can fire after the test file's environment is gone, and its
 * `cancelAnimationFrame` then throws (an unhandled error that fails the run, seen once on a loaded CI
 * machine). Effects run on the next task instead: no frame to wait for, nothing left once a file ends.
 */
import { options } from 'preact';

options.requestAnimationFrame = (flush) => {
  setTimeout(flush);
};
