import { describe, expect, it } from 'vitest';
import { REACTIONS } from '@sammen/shared';
import da from '../../i18n/locales/da.json';
import en from '../../i18n/locales/en.json';
import nb from '../../i18n/locales/nb.json';
import nn from '../../i18n/locales/nn.json';
import { REACTION_ICONS, reactionKey } from './reactionIcons.js';

const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('reaction icons', () => {
  it('every reaction the protocol allows has an icon and a different one', () => {
    const icons = REACTIONS.map((r) => REACTION_ICONS[r].Icon);
    expect(icons.every((i) => !!i)).toBe(true);
    expect(new Set(icons).size).toBe(REACTIONS.length);
  });

  it('every reaction has a name in every language (screen readers and tooltips say it)', () => {
    for (const [lang, tree] of Object.entries({ da, nb, nn, en })) {
      for (const r of REACTIONS) {
        const name = lookup(tree, reactionKey(r));
        expect(typeof name === 'string' && name.length > 0, `${lang} ${r}`).toBe(true);
      }
    }
    expect(reactionKey('🦄')).toBe('workshop.reactions.other');
  });
});
