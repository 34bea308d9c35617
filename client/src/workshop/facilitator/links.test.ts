import { describe, expect, it } from 'vitest';
import { displayLink, groupJoinCode, participantLink } from './links.js';

describe('links', () => {
  it('groups a join code 3 + 3', () => {
    expect(groupJoinCode('KMT4QX')).toBe('KMT 4QX');
    expect(groupJoinCode('ABC')).toBe('ABC');
  });

  it('builds the participant and token links on this origin', () => {
    expect(participantLink('https://sammen.kommune.dk', 'KMT4QX')).toBe('https://sammen.kommune.dk/join/KMT4QX');
    expect(displayLink('https://sammen.kommune.dk/join/KMT4QX')).toBe('sammen.kommune.dk/join/KMT4QX');
  });
});
