import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert } from '../../../../core/ui/components.js';
import { SUPPORT_LEVERS } from '../../../seasons/index.js';
import { type SpaceSide, spaceHref } from '../../views/space-layout.js';
import { formatMinutes } from '../durations.js';
import { sessionMessages as m } from '../messages.js';
import type { Hours, ParticipantSide } from '../queries.js';

export interface PageNotice {
  kind: 'success' | 'warning';
  title: string;
}

export function Notice({ notice }: { notice?: PageNotice }): JSX.Element {
  return notice ? <Alert kind={notice.kind} title={notice.title} /> : '';
}

/** A space without a plan yet: say so, and (staff) where to create it. */
export function NoPlan(props: { locale: Locale; side: SpaceSide; applicationId: string }): JSX.Element {
  const { locale } = props;
  return (
    <div class="fr-alert fr-alert--info fr-mb-4w">
      <h3 class="fr-alert__title" safe>
        {t(locale, m.noPlanTitle)}
      </h3>
      <p safe>{t(locale, props.side === 'staff' ? m.noPlanStaff : m.noPlanTeam)}</p>
      <p>
        <a href={spaceHref(props.side, props.applicationId, 'overview')} safe>
          {t(locale, m.goToPlan)}
        </a>
      </p>
    </div>
  );
}

/** Allocated, used and left hours; a warning (never a refusal) once the counted sessions go beyond. */
export function HoursBox(props: { locale: Locale; side: SpaceSide; hours: Hours }): JSX.Element {
  const { locale, hours } = props;
  if (hours.allocatedMinutes === null)
    return (
      <p class="fr-mb-4w" safe>
        {t(locale, m.hoursNotCounted, { used: formatMinutes(hours.usedMinutes) })}
      </p>
    );
  const over = (hours.leftMinutes ?? 0) < 0;
  return (
    <section class="fr-mb-4w" aria-labelledby="hours-title">
      <h3 id="hours-title" class="fr-h5" safe>
        {t(locale, m.hoursTitle)}
      </h3>
      <ul class="fr-tags-group">
        <li>
          <p class="fr-tag" safe>
            {`${t(locale, m.hoursAllocated)} : ${formatMinutes(hours.allocatedMinutes)}`}
          </p>
        </li>
        <li>
          <p class="fr-tag" safe>
            {`${t(locale, m.hoursUsed)} : ${formatMinutes(hours.usedMinutes)}`}
          </p>
        </li>
        <li>
          <p class="fr-tag" safe>
            {`${t(locale, m.hoursLeft)} : ${formatMinutes(Math.max(0, hours.leftMinutes ?? 0))}`}
          </p>
        </li>
      </ul>
      {over ? (
        <div class="fr-alert fr-alert--warning fr-alert--sm">
          <p safe>
            {t(locale, props.side === 'staff' ? m.hoursOverText : m.hoursOverTeam, {
              over: formatMinutes(-(hours.leftMinutes ?? 0)),
            })}
          </p>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

export function sideLabel(locale: Locale, side: ParticipantSide): string {
  const labels = {
    team: m.sideTeam,
    staff: m.sideStaff,
    mentor: m.sideMentor,
    administration: m.sideAdministration,
  } as const;
  return t(locale, labels[side]);
}

export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  if (!lever) return code;
  return locale === 'en' ? lever.labelEn : lever.label;
}

/** Plain text someone typed, its paragraphs and line breaks kept (no inline style: the CSP forbids it). */
export function TextBlock(props: { text: string; class?: string }): JSX.Element {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class={props.class ?? 'acc-break'}>
          {paragraph.split(/\r?\n/).map((line, i) => (
            <>
              {i > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}
