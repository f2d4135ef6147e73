import type { Random } from './prng';

// Letters that NFKD does not take apart into a base letter and an accent.
const unfolded: Readonly<Record<string, string>> = { ø: 'o', đ: 'd', ł: 'l', ß: 'ss', æ: 'ae', ı: 'i', œ: 'oe' };

/** "Łódź Wiśniewski" → "lodzwisniewski": lower-case a–z and digits only. */
export function asciiLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øđłßæıœ]/g, (letter) => unfolded[letter] ?? '')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A handle like "annakowalski42", "a-kowalski42" or "anna_kowalski_42". It ends with the person's
 * number and the part before it never ends with a digit, so two people never share one; the seed
 * profile's handles carry no number. If another profile took it anyway, an `x` is added.
 */
export function syntheticHandle(random: Random, first: string, last: string, n: number, isTaken: (handle: string) => boolean): string {
  const f = asciiLetters(first) || 'user';
  const l = asciiLetters(last) || 'dev';
  const shapes = [`${f}${l}`, `${f}-${l}`, `${f.charAt(0)}${l}`, `${f}_${l}_`, `${l}${f.charAt(0)}`, `${f}-`, `${f}${l.charAt(0)}`];
  const base = (shapes[random.weighted([5, 3, 3, 1, 1, 1, 2])] as string).slice(0, 30);
  let handle = `${base}${n}`;
  while (isTaken(handle)) handle += 'x';
  return handle;
}

// Reserved for documentation (RFC 2606), so no message can reach a real person.
const mailDomains = ['example.com', 'example.org', 'example.net', 'mail.example.com'];

export function syntheticEmail(random: Random, first: string, last: string, n: number): string {
  const f = asciiLetters(first) || 'user';
  const l = asciiLetters(last) || 'dev';
  const local = random.pick([`${f}.${l}${n}`, `${f}${l}${n}`, `${f.charAt(0)}${l}${n}`]);
  return `${local.slice(0, 60)}@${random.pick(mailDomains)}`;
}

export function syntheticWebsite(random: Random, handle: string): string {
  return random.pick([`https://${handle}.example.com/`, `https://example.org/~${handle}`, `https://portfolio.example.net/${handle}`]);
}

/** North American numbers 555-0100 to 555-0199 are set aside for fiction. */
export function syntheticPhone(random: Random): string {
  return `+1 ${random.int(201, 989)} 555 01${String(random.int(0, 99)).padStart(2, '0')}`;
}
