import { t, type MessageKey } from './i18n.js';
import { activeBindings } from './keyboard.js';
import { openModal } from './modal.js';

/** How a key is written for people: `A` is shift+a, `g s` is g then s. */
function keyLabel(keys: string) {
  return keys.split(' ').map((k, i) => (
    <>
      {i > 0 ? ' ' : null}
      <kbd>{k.length === 1 && k !== k.toLowerCase() ? `⇧ ${k.toLowerCase()}` : k}</kbd>
    </>
  ));
}

const DIALOG_KEYS: Array<[MessageKey, MessageKey]> = [
  ['keyNameEnter', 'keyEnter'],
  ['keyNameEscape', 'keyEscape'],
];

/** The keys in force now: the console's, then this page's, then the dialogs'. */
export function openHelp(): Promise<boolean> {
  const sets = activeBindings();
  return openModal({
    title: t('help'),
    content: (
      <>
        {sets.map(([name, bindings]) => (
          <section key={name}>
            <h3>{name === 'global' ? t('keysGlobal') : t('keysPage')}</h3>
            <dl class="keys">
              {bindings.map((b) => (
                <>
                  <dt>{keyLabel(b.keys)}</dt>
                  <dd>{t(b.label)}</dd>
                </>
              ))}
            </dl>
          </section>
        ))}
        <dl class="keys">
          {DIALOG_KEYS.map(([key, label]) => (
            <>
              <dt>
                <kbd>{t(key)}</kbd>
              </dt>
              <dd>{t(label)}</dd>
            </>
          ))}
        </dl>
      </>
    ),
  });
}
