import { phrases } from './split';

// How people put their availability, most common first.
export const availabilities = phrases(`
Full-time|Open to offers|Part-time|Contract|Full-time, from next month|Freelance|20 h/week|Not looking
Part-time, 30 h/week|Contract, 3–6 months|Weekends only|From March, 30 h/week|Full-time, remote only
`);

// Teams people work with, most common first.
export const teams = phrases(`
product|design|data|platform|infrastructure|security|mobile|growth|finance|operations|sales|marketing|support
legal|compliance|research|analytics|QA|SRE|partnerships|customer success|people|procurement|risk|editorial
`);

// Places a highlight may mention.
export const venues = phrases(`
internal tech talks|our engineering blog|a regional meetup|company all-hands|a university guest lecture
an industry conference|the open-source community|a partner summit|an internal hackathon|a customer webinar
`);
