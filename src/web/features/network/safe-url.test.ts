import { describe, expect, test } from 'vitest';
import { safeHttpUrl, shortUrl, telHref } from './safe-url';

describe('safeHttpUrl', () => {
  test('keeps http and https addresses', () => {
    expect(safeHttpUrl('https://www.linkedin.com/in/priya')).toBe('https://www.linkedin.com/in/priya');
    expect(safeHttpUrl('http://example.com')).toBe('http://example.com/');
  });

  test('never lets a script or data address become a link', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHttpUrl('//evil.example')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('shortUrl and telHref', () => {
  test('shorten for display and clean for dialling', () => {
    expect(shortUrl('https://www.linkedin.com/in/priya/')).toBe('linkedin.com/in/priya');
    expect(telHref('+1 (555) 010-2030')).toBe('tel:+15550102030');
  });
});
