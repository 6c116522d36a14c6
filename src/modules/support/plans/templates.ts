import type { Need, ResponsibleKind } from '../tables.js';

export const NEEDS: readonly Need[] = ['consolider', 'integrer', 'deployer'];
export const RESPONSIBLE_KINDS: readonly ResponsibleKind[] = ['staff', 'mentor', 'administration', 'team'];

/**
 * The JSON kept in `support_plan_templates.content`: what applying the template copies into a new plan.
 *
 * ```json
 * {
 *   "needs": [{ "need": "consolider", "goals": "Stabiliser la gouvernance…" }],
 *   "actions": [{ "lever": "coaching", "need": "consolider", "action": "Trois séances…",
 *                 "responsibleKind": "mentor", "responsibleName": "Coach du programme" }],
 *   "milestones": [{ "title": "Feuille de route", "description": "…", "dueAfterDays": 30, "weight": 20 }]
 * }
 * ```
 *
 * `need` is one of consolider / integrer / deployer (null on an action: no need in particular); `lever` a
 * seasons SUPPORT_LEVERS code; `dueAfterDays` counts from the plan's start (0–400); `weight` is 1–100.
 * Content read back is checked again (`templateContent`): a template written by an older version keeps working.
 */
export interface TemplateContent {
  needs: { need: Need; goals: string }[];
  actions: {
    lever: string;
    need: Need | null;
    action: string;
    responsibleKind: ResponsibleKind;
    responsibleName: string;
  }[];
  milestones: { title: string; description: string; dueAfterDays: number; weight: number }[];
}

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : [];
const isNeed = (value: unknown): value is Need => NEEDS.includes(value as Need);

/** Whatever the column holds, as a well-formed content (unknown entries dropped). */
export function templateContent(raw: unknown): TemplateContent {
  const value = (typeof raw === 'string' ? safeParse(raw) : raw) as Record<string, unknown> | null;
  return {
    needs: list(value?.needs)
      .filter((n) => isNeed(n.need))
      .map((n) => ({ need: n.need as Need, goals: text(n.goals, 4000) })),
    actions: list(value?.actions)
      .filter((a) => typeof a.lever === 'string' && text(a.action, 2000) !== '')
      .map((a) => ({
        lever: a.lever as string,
        need: isNeed(a.need) ? a.need : null,
        action: text(a.action, 2000),
        responsibleKind: RESPONSIBLE_KINDS.includes(a.responsibleKind as ResponsibleKind)
          ? (a.responsibleKind as ResponsibleKind)
          : 'staff',
        responsibleName: text(a.responsibleName, 200),
      })),
    milestones: list(value?.milestones)
      .filter((m) => text(m.title, 200) !== '')
      .map((m) => ({
        title: text(m.title, 200),
        description: text(m.description, 4000),
        dueAfterDays: clampInt(m.dueAfterDays, 0, 400, 30),
        weight: clampInt(m.weight, 1, 100, 10),
      })),
  };
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' && Number.isInteger(value) ? value : fallback;
  return Math.max(min, Math.min(max, n));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
