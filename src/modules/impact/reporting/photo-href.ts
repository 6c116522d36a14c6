/** The URL of a published testimony's photo (404 while the testimony is not published). */
export function testimonyPhotoHref(id: string): string {
  return `/impact/temoignages/${id}/photo`;
}
