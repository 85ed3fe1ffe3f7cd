/**
 * The email with its accents before the @ taken off («josé.peña@aurora.example» →
 * «jose.pena@aurora.example»), or null when that part is plain ASCII. The API refuses such an
 * address (QA S55: they need SMTPUTF8 end to end, which most relays lack); the forms say so first,
 * with the address the person most likely meant.
 */
export function unaccentedEmail(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = email.slice(0, at);
  if (/^[ -~]*$/.test(local)) return null;
  const plain = local.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return `${plain}${email.slice(at)}`;
}
