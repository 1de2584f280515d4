import { describe, expect, test } from 'vitest';
import { landingFor, noticeFrom, safeNext, withNext } from './landing';

describe('landingFor', () => {
  test('admins start in the office, students and alumni in their network, advisors on their agenda', () => {
    expect(landingFor('admin')).toBe('/office/users');
    expect(landingFor('student')).toBe('/network');
    expect(landingFor('alumni')).toBe('/network');
    expect(landingFor('advisor')).toBe('/agenda');
  });
});

describe('safeNext', () => {
  test('keeps a page of this app, with its query', () => {
    expect(safeNext('/office/outbox')).toBe('/office/outbox');
    expect(safeNext('/office/users?q=shah')).toBe('/office/users?q=shah');
  });

  test('never leads to another site', () => {
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example/path')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('javascript:alert(1)')).toBeNull();
  });

  test('never loops back to a signed-out page', () => {
    expect(safeNext('/sign-in')).toBeNull();
    expect(safeNext('/register?next=/account')).toBeNull();
    expect(safeNext(null)).toBeNull();
    expect(safeNext('')).toBeNull();
  });
});

describe('withNext and noticeFrom', () => {
  test('carry the way back and the one-line message', () => {
    expect(withNext('/sign-in', '/office/users?q=a b')).toBe('/sign-in?next=%2Foffice%2Fusers%3Fq%3Da%20b');
    expect(withNext('/sign-in', null)).toBe('/sign-in');
    expect(noticeFrom({ notice: 'You are signed out.' })).toBe('You are signed out.');
    expect(noticeFrom({ notice: 42 })).toBeNull();
    expect(noticeFrom(null)).toBeNull();
  });
});
