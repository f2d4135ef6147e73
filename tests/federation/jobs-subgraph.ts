import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

// A small jobs service, the second subgraph of the federation tests: written as any team beside
// profilegraph would write one (@apollo/subgraph, schema first), from tests/federation/jobs.graphql,
// over data given in memory. Its applications refer to people by handle and to skills by slug.

export const jobsTypeDefs = readFileSync(resolve(__dirname, 'jobs.graphql'), 'utf8');

export interface JobRecord {
  id: string;
  title: string;
  skillSlugs: string[];
}

export interface ApplicationRecord {
  id: string;
  jobId: string;
  applicantHandle: string;
  skillSlugs: string[];
  status: string;
}

export interface JobsData {
  jobs: JobRecord[];
  applications: ApplicationRecord[];
}

export interface JobsSubgraph {
  url: string;
  /** Replaces the data it answers from. */
  setData(data: JobsData): void;
  stop(): Promise<void>;
}

const skill = (slug: string) => ({ __typename: 'Skill', slug });

export async function startJobsSubgraph(initial: JobsData): Promise<JobsSubgraph> {
  let data = initial;
  const jobById = (id: string) => data.jobs.find((job) => job.id === id) ?? null;
  const resolvers = {
    Query: {
      job: (_root: unknown, { id }: { id: string }) => jobById(id),
      applications: (_root: unknown, { first }: { first?: number | null }) => {
        const nodes = data.applications.slice(0, first ?? data.applications.length);
        return {
          nodes,
          totalCount: data.applications.length,
          pageInfo: { hasNextPage: nodes.length < data.applications.length, hasPreviousPage: false, startCursor: null, endCursor: null },
        };
      },
    },
    Job: {
      __resolveReference: ({ id }: { id: string }) => jobById(id),
      skillsRequired: (job: JobRecord) => job.skillSlugs.map(skill),
      applications: (job: JobRecord) => data.applications.filter((application) => application.jobId === job.id),
    },
    JobApplication: {
      __resolveReference: ({ id }: { id: string }) => data.applications.find((application) => application.id === id) ?? null,
      job: (application: ApplicationRecord) => jobById(application.jobId),
      applicant: (application: ApplicationRecord) => ({ __typename: 'Person', handle: application.applicantHandle }),
      skillsRequired: (application: ApplicationRecord) => application.skillSlugs.map(skill),
    },
    Person: {
      // Profilegraph matches handles regardless of case; so does this service.
      applications: ({ handle }: { handle: string }) =>
        data.applications.filter((application) => application.applicantHandle.toLowerCase() === handle.toLowerCase()),
    },
  };
  const server = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(jobsTypeDefs), resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url,
    setData(next) {
      data = next;
    },
    stop: () => server.stop(),
  };
}
