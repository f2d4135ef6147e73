import { phrases } from './split';

// The few availability values the marketplace offers (search filters match a whole value), most
// common first.
export const availabilities = phrases(`
More than 30 hrs/week|Less than 30 hrs/week|As needed, open to offers|Not available
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
