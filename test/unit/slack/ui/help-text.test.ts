import { describe, expect, it } from 'vitest';
import { commandHelpText, helpText } from '../../../../src/slack/ui/help-text.js';

describe('/followup help: short, example-led, role-aware', () => {
  it("shows a rep the five daily commands with real examples, and no managers' commands", () => {
    const text = helpText(false);
    for (const example of [
      '/followup add "Acme Corp" value:12000 email:ana@acme.com',
      '/followup log "Acme Corp" call agreed a demo next: send slots by friday promised',
      '/followup queue',
    ]) {
      expect(text).toContain(`\`${example.replace(/&/g, '&amp;')}\``);
    }
    expect(text).not.toMatch(/\b(reassign|stalled|digest|import)\b|For managers/);
    expect(text).toContain('`/followup help log` (or any command) for the details.');
    expect(text.split('\n').length).toBeLessThanOrEqual(20);
  });

  it("adds the managers' commands for a manager", () => {
    expect(helpText(true)).toContain('For managers: `reassign`, `stalled`, `digest`, `import`');
  });

  it('uses no rule ids and no internal words in the short help', () => {
    for (const manager of [false, true]) {
      const text = helpText(manager);
      expect(text).not.toMatch(/\bR\d+\b|\btier\b|signals|they:kept|they:missed/i);
    }
  });

  it('gives the details of one command, with its syntax, examples and words explained', () => {
    const log = commandHelpText('log', false)!;
    expect(log).toMatch(/^\*\/followup log\* — Record that you reached them/);
    expect(log).toContain('Put inbound right after it when they reached out to you.');
    expect(log).toContain('Good signs: asked-price');
    expect(log).toContain('After a call or a meeting, the reply has a confirmation e-mail ready to send.');
    expect(log).not.toMatch(/\bR\d+\b/);
  });

  it("tells a rep a managers' command is for managers, and keeps the team settings for managers", () => {
    expect(commandHelpText('reassign', false)).toMatch(/^`reassign` is for managers: .* Ask your manager\.$/);
    expect(commandHelpText('reassign', true)).toContain('/followup reassign all @bo @ana');
    expect(commandHelpText('settings', false)).not.toContain('hours:');
    expect(commandHelpText('settings', true)).toContain('hours:09:00-18:00 days:mon-fri');
    expect(commandHelpText('nonsense', true)).toBeNull();
    expect(commandHelpText('constructor', true)).toBeNull();
  });
});
