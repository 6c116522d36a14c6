/** The agenda's addresses. */
export const EVENTS_PATH = '/evenements';
export const STAFF_EVENTS_PATH = '/admin/evenements';
export const eventHref = (id: string) => `${EVENTS_PATH}/${id}`;
export const staffEventHref = (id: string) => `${STAFF_EVENTS_PATH}/${id}`;
export const registrationHref = (token: string) => `${EVENTS_PATH}/inscriptions/${token}`;
export const cancelHref = (token: string) => `${registrationHref(token)}/annuler`;
