import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackText } from './SlackText';

afterEach(() => cleanup());

const shown = (text: string) =>
  render(
    <p data-testid="text">
      <SlackText text={text} />
    </p>,
  ).getByTestId('text');

describe('SlackText', () => {
  it('shows links as anchors that open apart, and the rest as Slack shows it', () => {
    const p = shown('Worth it &amp; more\nfrom <https://example.com/a|How we ship &lt;fast&gt;> <#C1|general>');
    expect(p.textContent).toBe('Worth it & more\nfrom How we ship <fast> #general');
    const anchor = screen.getByRole<HTMLAnchorElement>('link', { name: 'How we ship <fast>' });
    expect(anchor.getAttribute('href')).toBe('https://example.com/a');
    expect(anchor.target).toBe('_blank');
    expect(anchor.rel).toBe('noopener noreferrer');
  });

  it('never makes markup or a script link from hostile text', () => {
    const p = shown('&lt;img src=x onerror=alert(1)&gt; <javascript:alert(1)|click> <b>not bold</b> <img src=x>');
    expect(p.querySelector('img, b, script')).toBeNull();
    expect(p.querySelectorAll('a')).toHaveLength(0);
    expect(p.textContent).toBe('<img src=x onerror=alert(1)> click bnot bold/b img src=x');
  });

  it('styles bold, italic, strike and code without showing their marks', () => {
    const p = shown('*Ship it* _today_, ~not~ `npm test` first');
    expect(p.textContent).toBe('Ship it today, not npm test first');
    expect(p.querySelector('strong')?.textContent).toBe('Ship it');
    expect(p.querySelector('em')?.textContent).toBe('today');
    expect(p.querySelector('s')?.textContent).toBe('not');
    expect(p.querySelector('code')?.textContent).toBe('npm test');
  });
});
