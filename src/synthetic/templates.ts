import { article, type Phrasing } from './phrasing';

type Template = (p: Phrasing) => string;

const lowered = ['Cut', 'Reduced', 'Lowered', 'Halved'];
const raised = ['Improved', 'Increased', 'Raised', 'Grew'];

function withAdjective(p: Phrasing, noun: string): string {
  const adjective = p.adjective();
  return `${article(adjective)} ${adjective} ${noun}`;
}

/** One sentence of a role's description (60–130 characters). */
export const roleSentences: readonly Template[] = [
  (p) => `${p.verb()} ${withAdjective(p, `${p.topic()} ${p.system()}`)} using ${p.skill()} and ${p.skill()}.`,
  (p) => `${p.verb()} the ${p.topic()} ${p.system()} for ${p.quantity()} ${p.audience()}, cutting ${p.metric()} by ${p.percent()}%.`,
  (p) => `Worked with the ${p.team()} and ${p.team()} teams on ${p.topic()} and ${p.topic()}.`,
  (p) => `Migrated the ${p.topic()} ${p.system()} from ${p.skill()} to ${p.skill()} without downtime.`,
  (p) => `${p.pick(lowered)} ${p.metric()} by ${p.percent()}% across the ${p.topic()} ${p.system()}.`,
  (p) => `${p.pick(raised)} ${p.metric()} by ${p.percent()}% with ${withAdjective(p, p.system())} on ${p.skill()}.`,
  (p) => `Led a team of ${p.random.int(3, 12)} building ${p.adjective()} ${p.topic()} tooling with ${p.skill()}.`,
  (p) => `${p.verb()} ${p.topic()} and ${p.topic()} services on ${p.skill()}, ${p.skill()} and ${p.skill()}.`,
  (p) => `Owned the ${p.system()} behind ${p.topic()}, serving ${p.quantity()} ${p.audience()} a day.`,
  (p) => `Mentored ${p.random.int(2, 8)} engineers and ${p.verb()} the team's ${p.system()}.`,
  (p) => `${p.verb()} ${p.skill()} for ${p.topic()} at ${p.company()}'s ${p.team()} team.`,
  (p) => `${p.verb()} ${withAdjective(p, p.system())} for ${p.topic()} in ${p.skill()}.`,
];

/** One highlight of a role (30–90 characters). */
export const highlights: readonly Template[] = [
  (p) => `${p.pick(lowered)} ${p.metric()} by ${p.percent()}%`,
  (p) => `${p.verb()} ${withAdjective(p, p.system())} used by ${p.quantity()} ${p.audience()}`,
  (p) => `Promoted twice in ${p.random.int(2, 4)} years`,
  (p) => `Spoke about ${p.skill()} at ${p.pick(['internal tech talks', 'a regional meetup', 'an industry conference', 'a partner summit'])}`,
  (p) => `Hired and onboarded ${p.random.int(3, 15)} engineers`,
  (p) => `Saved $${p.random.int(20, 900)}k a year in ${p.metric()}`,
  (p) => {
    const topic = p.topic();
    return `Won the company hackathon with ${article(topic)} ${topic} prototype`;
  },
  (p) => `${p.pick(raised)} ${p.metric()} by ${p.percent()}% in one quarter`,
];

/** The line under a person's name (50–120 characters). */
export const headlines: readonly ((p: Phrasing, title: string, company: string) => string)[] = [
  (p, title) => `${title} specializing in ${p.skill()}, ${p.skill()} and ${p.topic()}`,
  (p, title) => `${title} · ${p.skill()} · ${p.skill()} · ${p.industry()}`,
  (p, title) => `${title} with ${p.random.int(3, 20)}+ years in ${p.industry()}`,
  (p, title, company) => `${title} at ${company} | ${p.skill()}, ${p.skill()}`,
  (p, title) => `${title} building ${p.adjective()} tools for ${p.topic()}`,
];

/** Sentences of a summary, in the person's own voice. */
export const summarySentences: readonly Template[] = [
  (p) => `I have ${p.random.int(3, 20)}+ years of experience in ${p.industry()}, mostly on ${p.topic()} and ${p.topic()}.`,
  (p) => `Most recently I ${p.verb()} ${withAdjective(p, `${p.topic()} ${p.system()}`)} with ${p.skill()} and ${p.skill()}.`,
  (p) => `At ${p.company()} I ${p.verb()} the ${p.system()}, cutting ${p.metric()} by ${p.percent()}%.`,
  (p) => `I am looking for ${p.adjective()} teams working on ${p.topic()} or ${p.topic()}.`,
  (p) => `Comfortable with ${p.skill()}, ${p.skill()} and ${p.skill()}, and happy to mentor.`,
  (p) => `Previously at ${p.company()} and ${p.company()}.`,
  (p) => `I enjoy working closely with ${p.team()} and ${p.team()} teams and ${p.audience()}.`,
];

/** An optional line under a degree. */
export const degreeNotes: readonly ((p: Phrasing, field: string) => string)[] = [
  (p) => `Thesis on ${p.topic()} ${p.system()}.`,
  (p, field) => `Focus on ${field} and ${p.topic()}.`,
  () => 'Graduated with honours.',
  (p, field) => `Coursework in ${p.skill()}, ${p.skill()} and ${field}.`,
  (p) => `Teaching assistant for ${p.skill()} courses.`,
];
