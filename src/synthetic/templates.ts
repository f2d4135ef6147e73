import { article, type Phrasing } from './phrasing';

type Template = (p: Phrasing) => string;

// Many templates, and several wordings for what they say, so that no template word ends up on
// most profiles (with a dozen, "downtime" was in 60% of search documents).
const lowered = ['cut', 'reduced', 'lowered', 'halved', 'trimmed', 'brought down'];
const raised = ['improved', 'increased', 'raised', 'grew', 'lifted', 'boosted'];
const teamOf = ['a team of', 'a squad of', 'a group of', 'a crew of'];
const colleagues = ['engineers', 'developers', 'analysts', 'interns', 'designers', 'new hires', 'contractors'];
const deliveries = [
  'without downtime',
  'in six weeks',
  'ahead of schedule',
  'with no data loss',
  'over two quarters',
  'one service at a time',
];
const periods = ['a day', 'a week', 'a month', 'every hour', 'at peak'];
const artefacts = ['tooling', 'features', 'integrations', 'workflows', 'reports', 'APIs', 'jobs'];

function withAdjective(p: Phrasing, noun: string): string {
  const adjective = p.adjective();
  return `${article(adjective)} ${adjective} ${noun}`;
}

/** One sentence of a role's description (about 50–110 characters). */
export const roleSentences: readonly Template[] = [
  (p) => `${p.verb()} ${withAdjective(p, `${p.topic()} ${p.system()}`)} using ${p.skill()} and ${p.skill()}.`,
  (p) => `${p.verb()} the ${p.topic()} ${p.system()} for ${p.quantity()} ${p.audience()}.`,
  (p) => `Worked with the ${p.team()} and ${p.team()} teams on ${p.topic()} and ${p.topic()}.`,
  (p) => `Migrated the ${p.topic()} ${p.system()} from ${p.skill()} to ${p.skill()} ${p.pick(deliveries)}.`,
  (p) => `${p.pick(lowered)} ${p.metric()} by ${p.percent()}% across the ${p.topic()} ${p.system()}.`,
  (p) => `${p.pick(raised)} ${p.metric()} by ${p.percent()}% with ${withAdjective(p, p.system())} on ${p.skill()}.`,
  (p) => `Led ${p.pick(teamOf)} ${p.random.int(3, 12)} building ${p.adjective()} ${p.topic()} ${p.pick(artefacts)} with ${p.skill()}.`,
  (p) => `${p.verb()} ${p.topic()} and ${p.topic()} services on ${p.skill()}, ${p.skill()} and ${p.skill()}.`,
  (p) => `Owned the ${p.system()} behind ${p.topic()}, serving ${p.quantity()} ${p.audience()} ${p.pick(periods)}.`,
  (p) => `Mentored ${p.random.int(2, 8)} ${p.pick(colleagues)} and ${p.verb()} the ${p.system()}.`,
  (p) => `${p.verb()} ${p.skill()} for ${p.topic()} at ${p.company()}.`,
  (p) => `${p.verb()} ${withAdjective(p, p.system())} for ${p.topic()} in ${p.skill()}.`,
  (p) => `Introduced ${p.skill()} to the ${p.team()} group and ${p.verb()} its ${p.system()}.`,
  (p) => `Replaced ${withAdjective(p, p.system())} with ${p.skill()}, saving ${p.random.int(4, 40)} hours a week.`,
  (p) => `Shipped ${p.topic()} ${p.pick(artefacts)} to ${p.quantity()} ${p.audience()}.`,
  (p) => `Ran ${p.topic()} experiments with ${p.skill()} and ${p.skill()}, ${p.pick(raised)} ${p.metric()}.`,
  (p) => `${p.verb()} ${p.topic()} dashboards in ${p.skill()} for ${p.team()} leadership.`,
  (p) => `On call for the ${p.topic()} ${p.system()}; wrote its runbooks and alerts.`,
  (p) => `Joined ${p.company()} early and ${p.verb()} its ${p.topic()} ${p.system()} from scratch.`,
  (p) => `Consulted for ${p.company()} on ${p.topic()} and ${p.skill()}.`,
  (p) => `${p.verb()} an internal ${p.skill()} library adopted by ${p.random.int(3, 40)} teams.`,
  (p) => `Brought ${p.topic()} to ${p.audience()} in ${p.random.int(3, 30)} countries.`,
  (p) => `Modelled ${p.topic()} data in ${p.skill()} and exposed it through ${p.skill()}.`,
  (p) => `Kept the ${p.topic()} ${p.system()} at 99.${p.random.int(5, 99)}% availability.`,
  (p) => `${p.verb()} the ${p.topic()} roadmap with ${p.team()} and ${p.team()} stakeholders.`,
  (p) => `Automated ${p.topic()} checks with ${p.skill()}, ${p.pick(lowered)} ${p.metric()} by ${p.percent()}%.`,
  (p) => `Trained ${p.audience()} on the new ${p.topic()} ${p.system()}.`,
  (p) => {
    const industry = p.industry();
    return `${p.verb()} ${p.topic()} for ${p.company()}, ${article(industry)} ${industry} client.`;
  },
];

/** One highlight of a role (30–90 characters). */
export const highlights: readonly Template[] = [
  (p) => `${p.pick(lowered)} ${p.metric()} by ${p.percent()}%`,
  (p) => `${p.verb()} ${withAdjective(p, p.system())} used by ${p.quantity()} ${p.audience()}`,
  (p) => `Promoted twice in ${p.random.int(2, 4)} years`,
  (p) =>
    `Spoke about ${p.skill()} at ${p.pick(['internal tech talks', 'a regional meetup', 'an industry conference', 'a partner summit'])}`,
  (p) => `Hired and onboarded ${p.random.int(3, 15)} ${p.pick(colleagues)}`,
  (p) => `Saved $${p.random.int(20, 900)}k a year in ${p.metric()}`,
  (p) => {
    const topic = p.topic();
    return `Won the company hackathon with ${article(topic)} ${topic} prototype`;
  },
  (p) => `${p.pick(raised)} ${p.metric()} by ${p.percent()}% in one quarter`,
  (p) => `Open-sourced our ${p.skill()} tooling`,
  (p) => `Certified in ${p.skill()}`,
  (p) => `Patent filed for ${p.topic()} ${p.system()}`,
  (p) => `Employee of the quarter, ${p.team()} org`,
];

/** The line under a person's name (40–120 characters). */
export const headlines: readonly ((p: Phrasing, title: string, company: string) => string)[] = [
  (p, title) => `${title} specializing in ${p.skill()}, ${p.skill()} and ${p.topic()}`,
  (p, title) => `${title} · ${p.skill()} · ${p.skill()} · ${p.industry()}`,
  (p, title) => `${title} with ${p.years()}+ years in ${p.industry()}`,
  (p, title, company) => `${title} at ${company} | ${p.skill()}, ${p.skill()}`,
  (p, title) => `${title} building ${p.adjective()} tools for ${p.topic()}`,
  (p, title) => `${title}. ${p.skill()} and ${p.skill()} for ${p.industry()} teams`,
  (p, title) => `${title}, ${p.topic()} and ${p.topic()}`,
];

/** Sentences of a summary, in the person's own voice. */
export const summarySentences: readonly Template[] = [
  (p) => `I have ${p.years()}+ years of experience in ${p.industry()}, mostly on ${p.topic()} and ${p.topic()}.`,
  (p) => `Most recently I ${p.verb()} ${withAdjective(p, `${p.topic()} ${p.system()}`)} with ${p.skill()} and ${p.skill()}.`,
  (p) => `At ${p.company()} I ${p.verb()} the ${p.system()} and ${p.pick(lowered)} ${p.metric()} by ${p.percent()}%.`,
  (p) => `I am looking for ${p.adjective()} teams working on ${p.topic()} or ${p.topic()}.`,
  (p) => `Comfortable with ${p.skill()}, ${p.skill()} and ${p.skill()}, and happy to mentor.`,
  (p) => `Previously at ${p.company()} and ${p.company()}.`,
  (p) => `I enjoy working closely with ${p.team()} people and ${p.audience()}.`,
  (p) => `My focus is ${p.topic()}: ${p.skill()} by day, ${p.skill()} on weekends.`,
  (p) => `Open to ${p.industry()} and ${p.industry()} roles.`,
  (p) => `I care about ${p.metric()} and clear writing.`,
  (p) => `Known for untangling ${p.adjective()} ${p.system()} problems.`,
  (p) => `I speak ${p.pick(['English', 'Spanish', 'Portuguese', 'German', 'French', 'Hindi', 'Mandarin', 'Polish'])} and ${p.skill()}.`,
];

/** An optional line under a degree. */
export const degreeNotes: readonly ((p: Phrasing, field: string) => string)[] = [
  (p) => `Thesis on ${p.topic()} ${p.system()}.`,
  (p, field) => `Focus on ${field} and ${p.topic()}.`,
  () => 'Graduated with honours.',
  (p, field) => `Coursework in ${p.skill()}, ${p.skill()} and ${field}.`,
  (p) => `Teaching assistant for ${p.skill()} courses.`,
  () => 'Dean’s list.',
];
