import type { FormReader } from '../../core/http/forms.js';
import type { BoardMember } from './board-data.js';

/** The members ticked present on the attendance form (one checkbox per member: a form posts no lists). */
export function attendanceFromForm(form: FormReader, members: readonly BoardMember[]): string[] {
  return members.filter((member) => form.checkbox(`present_${member.id}`)).map((member) => member.id);
}
