import { getLang, t, type Lang } from './i18n.js';

/** The language menu: on the sign-in page and in the console's header. */
export function LanguageSwitch(props: { onChange(lang: Lang): void }) {
  return (
    <div class="lang">
      <label for="palabre-lang">{t('language')}</label>{' '}
      <select id="palabre-lang" value={getLang()} onChange={(e) => props.onChange(e.currentTarget.value === 'en' ? 'en' : 'fr')}>
        <option value="fr" lang="fr">
          Français
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </div>
  );
}
