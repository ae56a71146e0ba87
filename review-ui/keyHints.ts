import { h, key, type Child } from './dom.ts';
import { t } from './i18n/locale.ts';

/** The document page's footer: its keys and what each does, and the help text while it is open. */
export function keyHints(helpOpen: boolean): Child[] {
  const k = t.keyHints;
  return [
    key('j'), '/', key('k'), ` ${k.move} · `, key('a'), ` ${k.approve} · `, key('e'), ` ${k.edit}${t.openParen}`, key('Enter'), ` ${k.save}${t.andJoin}`, key('Esc'), ` ${k.cancel}${t.closeParen} · `,
    key('b'), ` ${k.blank} · `, key('A'), ` ${k.approveAuto} · `, key('n'), ` ${k.next} · `, key('h'), ` ${k.history} · `, key('f'), ` ${k.toggle} · `,
    key('x'), ` ${k.reject} · `, key('m'), ` ${k.meta} · `, key('q'), ` ${k.queue} · `, key('?'), ` ${k.help}`,
    helpOpen ? h('p', { class: 'help' }, t.helpText) : null,
  ];
}
