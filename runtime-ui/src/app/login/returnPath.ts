/**
 * Another app of this origin (the designer) sends a user who is not logged in here with
 * `?next=/designer/#…`; once logged in (password changed, real name approved) they go back there.
 * Only the designer's paths are followed, so the parameter cannot lead anywhere else.
 */
export function returnPath(search: string): string | undefined {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/designer\/[^\\]*$/.test(next) && !next.startsWith('//') ? next : undefined;
}
