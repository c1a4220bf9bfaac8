// `followup-coach demo`: the app with a sample team and a stand-in for Slack (src/demo/).
import { runDemo } from '../demo/run-demo.js';

export function demoCommand(args: string[]): Promise<number> {
  return runDemo(args);
}
