import { describe, expect, it } from 'vitest';
import { styleText } from './mrkdwn-style';

describe('styleText', () => {
  it('reads the four marks', () => {
    expect(styleText('a *b* _c_ ~d~ `e`')).toEqual([
      { text: 'a ' },
      { text: 'b', bold: true },
      { text: ' ' },
      { text: 'c', italic: true },
      { text: ' ' },
      { text: 'd', strike: true },
      { text: ' ' },
      { text: 'e', code: true },
    ]);
  });

  it('nests styles and styles nothing inside code', () => {
    expect(styleText('*_both_* `*not*`')).toEqual([
      { text: 'both', bold: true, italic: true },
      { text: ' ' },
      { text: '*not*', code: true },
    ]);
  });

  it('leaves marks inside words, around spaces, across lines and unclosed as text', () => {
    for (const text of ['snake_case_name', '2*3*4', '* not bold *', '*one\ntwo*', '*open', 'a__b', '**']) {
      expect(styleText(text), text).toEqual([{ text }]);
    }
  });

  it('opens and closes next to punctuation, as Slack does', () => {
    expect(styleText('(*really*), yes')).toEqual([{ text: '(' }, { text: 'really', bold: true }, { text: '), yes' }]);
  });
});
