import type { Random } from './prng';
import type { Vocabulary } from './vocabulary';
import type { Industry } from './words/industries';

/** What a person's text is about: their own skills, industries and employers. */
export interface Subject {
  skills: readonly string[];
  industries: readonly Industry[];
  yearsOfExperience: number;
}

/**
 * The words a sentence template asks for, drawn for one person: common words often, rare ones
 * seldom, and topics and skills from the person's own industries and skill list, so that a search
 * for "kafka" or "payments" finds the people who do that.
 */
export class Phrasing {
  constructor(
    readonly random: Random,
    private readonly vocabulary: Vocabulary,
    private readonly subject: Subject,
  ) {}

  verb(): string {
    return this.vocabulary.verbs.draw(this.random);
  }

  adjective(): string {
    return this.vocabulary.adjectives.draw(this.random);
  }

  system(): string {
    return this.vocabulary.systemNouns.draw(this.random);
  }

  topic(): string {
    const [main, other] = this.subject.industries;
    const industry = other && this.random.chance(0.3) ? other : main;
    const topics = industry && this.vocabulary.topicsByIndustry.get(industry.name);
    return topics ? topics.draw(this.random) : this.system();
  }

  industry(): string {
    return (this.random.chance(0.7) ? this.subject.industries[0] : this.subject.industries.at(-1))?.name ?? 'software';
  }

  metric(): string {
    return this.vocabulary.metrics.draw(this.random);
  }

  audience(): string {
    return this.vocabulary.audiences.draw(this.random);
  }

  team(): string {
    return this.vocabulary.teams.draw(this.random);
  }

  years(): number {
    return this.subject.yearsOfExperience;
  }

  company(): string {
    return this.vocabulary.companies.draw(this.random);
  }

  /** One of the person's skills, their first-listed (strongest) ones more often. */
  skill(): string {
    const { skills } = this.subject;
    const top = Math.min(skills.length, 12);
    const index = this.random.chance(0.75) ? this.random.int(0, top - 1) : this.random.int(0, skills.length - 1);
    return skills[index] ?? 'software';
  }

  percent(): number {
    return 5 * this.random.int(2, 18);
  }

  /** A headcount such as 300, 40k or 2M. */
  quantity(): string {
    switch (this.random.weighted([3, 4, 2])) {
      case 0:
        return String(this.random.int(20, 900));
      case 1:
        return `${this.random.int(2, 900)}k`;
      default:
        return `${this.random.int(1, 90)}M`;
    }
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }
}

/** "a" or "an" before a word, by its first letter (good enough for generated text). */
export function article(word: string): string {
  return /^[aeiouAEIOU]/.test(word) ? 'an' : 'a';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Sentences from `templates`, each template at most once, until the text reaches `target`
 * characters; never longer than `max`, never more than `most` sentences.
 */
export function sentences(
  phrasing: Phrasing,
  templates: readonly ((p: Phrasing) => string)[],
  { target, max, most }: { target: number; max: number; most: number },
): string {
  const unused = [...templates];
  const parts: string[] = [];
  let length = -1;
  while (unused.length && parts.length < most && length < target) {
    const [template] = unused.splice(phrasing.random.int(0, unused.length - 1), 1);
    const sentence = capitalize((template as (p: Phrasing) => string)(phrasing));
    if (parts.length && length + 1 + sentence.length > max) continue;
    parts.push(sentence);
    length += 1 + sentence.length;
  }
  return parts.join(' ');
}
