import { useConsole } from './console-context.js';
import { t } from './i18n.js';
import { useLoad } from './use-load.js';

/** The site's sections, to filter a queue or a list by one ("Politique" for one moderator, "Sport" for another). */
export function SectionFilter(props: { value: string | null; onChange(section: string | null): void; id?: string }) {
  const { app } = useConsole();
  const id = props.id ?? 'section-filter';
  const sections = useLoad(() => app.client.api.listSections({ path: { siteId: app.state.session.siteId } }), []);
  const known = sections.data?.sections.map((s) => s.section) ?? [];
  // a section chosen before its list arrived stays choosable
  const options = props.value && !known.includes(props.value) ? [props.value, ...known] : known;
  return (
    <div class="field inline">
      <label for={id}>{t('section')}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || null)}>
        <option value="">{t('allSections')}</option>
        {options.map((section) => (
          <option key={section} value={section}>
            {section}
          </option>
        ))}
      </select>
    </div>
  );
}
