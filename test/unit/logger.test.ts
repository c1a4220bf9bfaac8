import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { boltLogger, createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).trim().split('\n'));
      cb();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('writes JSON and redacts tokens and secrets wherever they appear', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info({ token: 'xoxb-123-secret', config: { SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'xoxb-9' }, req: { headers: { authorization: 'Bearer xoxb-1' } } }, 'hello');
    log.warn('failed with token xoxb-111-222-abc in the text');
    const all = lines.join('\n');
    expect(JSON.parse(lines[0]!).msg).toBe('hello');
    expect(all).not.toMatch(/xoxb-/);
    expect(all).not.toContain('shh');
    expect(all).toContain('[Redacted]');
  });

  it('adapts to Bolt: setLevel/getLevel/setName, same redaction', () => {
    const { lines, stream } = capture();
    const bolt = boltLogger(createLogger('info', stream));
    bolt.setName('bolt-app');
    bolt.debug('hidden at info');
    bolt.setLevel(LogLevel.DEBUG);
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    bolt.debug('shown now with xapp-1-A-secret');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line.component).toBe('bolt-app');
    expect(line.msg).toBe('shown now with [Redacted]');
  });
});
